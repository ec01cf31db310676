/// Several runs' values for people: `mean ± std` (sample std), or the value alone for one run.
enum MeanText {
    static func format(_ values: [Double], format: ValueFormat = .automatic) -> String {
        guard values.count > 1 else { return values.first.map { ValueText.format($0) } ?? "—" }
        let mean = ClaimAggregate.mean.apply(values), std = ClaimAggregate.std.apply(values)
        if case .automatic = format { return "\(ValueText.format(mean)) ± \(ValueText.format(std))" }
        return "\(format.format(mean)) ± \(format.format(std))"
    }
}
