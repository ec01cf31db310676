import Foundation

/// Short tick labels: "0.25", "500", "2k", "12.5k", "3M"; powers of ten as "0.01", "1k", "1e-4".
enum TickLabel {
    /// Beyond these, fixed-point labels would run to hundreds of digits: such ticks (only seen in
    /// diverged or damaged runs) are written in exponent form, "1e+300".
    static let largestFixed = 1e15
    static let mostDecimals = 12

    /// `value` written with just the decimals its tick `step` needs.
    static func format(_ value: Double, step: Double) -> String {
        let magnitude = abs(value)
        guard value.isFinite else { return ValueText.format(value) }
        if magnitude >= largestFixed { return exponential(value) }
        if magnitude >= 1e6, step >= 1e5 {
            return decimal(value / 1e6, step: step / 1e6) + "M"
        }
        if magnitude >= 1e3, step >= 100 {
            return decimal(value / 1e3, step: step / 1e3) + "k"
        }
        return decimal(value, step: step)
    }

    static func powerOfTen(_ exponent: Int) -> String {
        switch exponent {
        case -3 ..< 0: return decimal(pow(10, Double(exponent)), step: pow(10, Double(exponent)))
        case 0 ..< 3: return String(Int(pow(10, Double(exponent))))
        case 3 ..< 6: return "\(Int(pow(10, Double(exponent - 3))))k"
        case 6 ..< 9: return "\(Int(pow(10, Double(exponent - 6))))M"
        default: return "1e\(exponent)"
        }
    }

    private static func decimal(_ value: Double, step: Double) -> String {
        let needed = step > 0 ? WholeNumber.clamped(-log10(step) + 1e-9, to: 0...Int.max, rounding: .up) ?? 0 : 0
        guard needed <= mostDecimals else { return exponential(value) }
        var text = String(format: "%.\(needed)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }

    private static func exponential(_ value: Double) -> String {
        var text = String(format: "%.3g", value)
        if text == "-0" { text = "0" }
        return text
    }
}
