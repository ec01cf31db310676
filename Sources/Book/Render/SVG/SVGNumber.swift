/// Numbers as they appear in SVG output: rounded to hundredths, no trailing zeros, no "-0",
/// so output is short and the same on every machine.
enum SVGNumber {
    static func format(_ value: Double) -> String {
        precondition(value.isFinite, "cannot write a non-finite coordinate")
        let limit = 1e15
        let hundredths = Int((min(max(value, -limit), limit) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
