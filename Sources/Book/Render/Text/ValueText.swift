import Foundation

/// Numbers for people, the same text on every machine.
enum ValueText {
    /// Four significant digits: metric values in tooltips and tables.
    static func format(_ value: Double?) -> String {
        guard let value else { return "—" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        var text = String(format: "%.4g", value)
        if text == "-0" { text = "0" }
        return text
    }

    /// Whole numbers in full (iterations, threads), others with up to six significant digits.
    static func plain(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        guard value.isFinite else { return format(value) }
        return String(format: "%.6g", value)
    }
}
