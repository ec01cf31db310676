/// Several runs' values for people: `mean ± std` (sample std), or the value alone for one run.
/// Runs whose value is undefined (NaN: reverse KL with no sample on a mode, say) are left out and
/// counted, "0.082 ± 0.064 (4 of 5)", instead of turning the cell into NaN; "—" when none is.
enum MeanText {
    static func format(_ values: [Double], format: ValueFormat = .automatic) -> String {
        let defined = values.filter { !$0.isNaN }
        guard defined.count == values.count else {
            return defined.isEmpty ? "—" : Self.format(defined, format: format) + " (\(defined.count) of \(values.count))"
        }
        guard values.count > 1 else { return values.first.map { ValueText.format($0) } ?? "—" }
        let mean = ClaimAggregate.mean.apply(values), std = ClaimAggregate.std.apply(values)
        if case .automatic = format { return "\(ValueText.format(mean)) ± \(ValueText.format(std))" }
        return "\(format.format(mean)) ± \(format.format(std))"
    }
}
