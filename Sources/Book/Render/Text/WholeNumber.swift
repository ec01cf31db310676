/// Double → Int conversions that cannot trap: `Int(x)` traps on NaN, on infinities and on
/// anything beyond ±9.2e18, and values read from disk or produced by a diverged run can be all of
/// those. Every conversion of a computed or stored Double goes through here.
enum WholeNumber {
    /// `value` rounded by `rule` and pinned into `range`; nil for NaN.
    static func clamped(_ value: Double, to range: ClosedRange<Int>,
                        rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int? {
        guard !value.isNaN else { return nil }
        let rounded = value.rounded(rule)
        // Compare as Doubles first: Double(Int.max) rounds up to 2⁶³, which Int cannot hold.
        if rounded <= Double(range.lowerBound) { return range.lowerBound }
        if rounded >= Double(range.upperBound) { return range.upperBound }
        return Int(rounded)
    }
}
