/// Numbers as they appear in SVG output: rounded to hundredths, no trailing zeros, no "-0",
/// so output is short and the same on every machine.
enum SVGNumber {
    /// Coordinates beyond this are pinned to it (far outside any drawing, inside Int's range).
    static let limit = 1e15

    /// Any Double gives a number SVG accepts: infinities are pinned to ±`limit`, NaN becomes 0.
    static func format(_ value: Double) -> String {
        let hundredths = WholeNumber.clamped(value * 100, to: Int(-limit * 100)...Int(limit * 100)) ?? 0
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
