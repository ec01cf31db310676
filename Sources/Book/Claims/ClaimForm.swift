/// A parsed claim: `left op right`, or `subject` within `low..high` (both ends included).
enum ClaimForm: Equatable {
    case compare(ClaimExpression, ClaimComparison, ClaimExpression)
    case within(ClaimExpression, ClaimExpression, ClaimExpression)

    var references: [ValueReference] {
        switch self {
        case .compare(let a, _, let b): return a.references + b.references
        case .within(let a, let b, let c): return a.references + b.references + c.references
        }
    }

    func mapReferences(_ change: (ValueReference) -> ValueReference) -> ClaimForm {
        switch self {
        case .compare(let a, let op, let b): return .compare(a.mapReferences(change), op, b.mapReferences(change))
        case .within(let a, let b, let c): return .within(a.mapReferences(change), b.mapReferences(change), c.mapReferences(change))
        }
    }
}
