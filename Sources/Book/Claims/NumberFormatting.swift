import Diagnostics

/// The claims' numbers as text: Diagnostics' formatter, under a name that reads at the call site.
enum NumberFormatting {
    static func plain(_ value: Double) -> String { NumberText.plain(value) }
    static func significant(_ value: Double) -> String { NumberText.significant(value) }
}
