enum ClaimAggregate: String, CaseIterable {
    case mean, min, max, std

    func apply(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        switch self {
        case .mean: return values.reduce(0, +) / Double(values.count)
        case .min: return values.min()!
        case .max: return values.max()!
        case .std:
            let mean = ClaimAggregate.mean.apply(values)
            // Sample standard deviation: the spread over seeds estimates the population's.
            guard values.count > 1 else { return 0 }
            return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        }
    }
}
