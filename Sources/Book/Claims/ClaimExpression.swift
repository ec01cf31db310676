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
