import Foundation

/// How an inline value is written: `:%` percent, `:.2` two decimals, `:time` a duration;
/// otherwise four significant digits (whole numbers in full).
enum ValueFormat: Equatable {
    case automatic
    case percent(decimals: Int?)
    case decimals(Int)
    case time

    static let names = [":%", ":.N (N decimals)", ":%.N", ":time"]

    /// nil when `text` (after the colon) names no format.
    init?(_ text: String) {
        switch text {
        case "%": self = .percent(decimals: nil)
        case "time": self = .time
        default:
            if text.hasPrefix("%."), let n = Int(text.dropFirst(2)), (0...10).contains(n) { self = .percent(decimals: n); return }
            guard text.hasPrefix("."), let n = Int(text.dropFirst()), (0...10).contains(n) else { return nil }
            self = .decimals(n)
        }
    }

    func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        switch self {
        case .automatic:
            return value == value.rounded() && abs(value) < 1e15 ? NumberFormatting.plain(value) : NumberFormatting.significant(value)
        case .percent(let decimals):
            if let decimals { return String(format: "%.\(decimals)f%%", value * 100) }
            return NumberFormatting.significant(value * 100) + "%"
        case .decimals(let n): return String(format: "%.\(n)f", value)
        case .time: return DurationText.format(seconds: value)
        }
    }
}
