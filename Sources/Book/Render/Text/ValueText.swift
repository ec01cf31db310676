import Diagnostics

/// Numbers for people: the renderer's names for Diagnostics' one number formatter.
enum ValueText {
    /// Four significant digits: metric values in tooltips and tables.
    static func format(_ value: Double?) -> String {
        NumberText.significant(value)
    }

    /// Whole numbers in full (iterations, threads), others with up to six significant digits.
    static func plain(_ value: Double) -> String {
        NumberText.plain(value)
    }
}
