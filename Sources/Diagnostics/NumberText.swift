import Foundation

/// Numbers for people, the same text on every machine, for every Double: NaN, infinities,
/// huge and tiny values and negative zero all format without trapping.
public enum NumberText {
    /// Four significant digits (metric values in tables and tooltips); "—" for no value.
    public static func significant(_ value: Double?) -> String {
        guard let value else { return "—" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        let text = String(format: "%.4g", value)
        return text == "-0" ? "0" : text
    }

    /// Whole numbers in full (iterations, threads, values in error messages), others with up to
    /// six significant digits.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return significant(value) }
        // Below 1e15 every whole Double converts to Int exactly; larger ones read better as 1e+15.
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        let text = String(format: "%.6g", value)
        return text == "-0" ? "0" : text
    }
}
