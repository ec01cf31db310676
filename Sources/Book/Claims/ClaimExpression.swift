/// A number in a claim: literal, cached value, aggregate over a sweep, or arithmetic on them.
indirect enum ClaimExpression: Equatable {
    case number(Double)
    case value(ValueReference)
    /// `mean(ref)`, `min`, `max`, `std`: over the children of a sweep (one value for one run).
    case aggregate(ClaimAggregate, ValueReference)
    case negate(ClaimExpression)
    case binary(Character, ClaimExpression, ClaimExpression)

    /// Every reference, in reading order.
    var references: [ValueReference] {
        switch self {
        case .number: return []
        case .value(let reference), .aggregate(_, let reference): return [reference]
        case .negate(let inner): return inner.references
        case .binary(_, let left, let right): return left.references + right.references
        }
    }

    /// The same expression with each reference changed by `change`.
    func mapReferences(_ change: (ValueReference) -> ValueReference) -> ClaimExpression {
        switch self {
        case .number: return self
        case .value(let reference): return .value(change(reference))
        case .aggregate(let kind, let reference): return .aggregate(kind, change(reference))
        case .negate(let inner): return .negate(inner.mapReferences(change))
        case .binary(let op, let left, let right): return .binary(op, left.mapReferences(change), right.mapReferences(change))
        }
    }
}

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
