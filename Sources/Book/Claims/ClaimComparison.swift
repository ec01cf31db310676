/// The relation a claim asserts.
enum ClaimComparison: String, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    /// The spellings read, the typographic ones included.
    static let spellings: [(String, ClaimComparison)] = [
        ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("==", .equal), ("!=", .notEqual),
        ("≤", .lessOrEqual), ("≥", .greaterOrEqual), ("≠", .notEqual), ("<", .less), (">", .greater), ("=", .equal),
    ]

    func holds(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .less: return left < right
        case .lessOrEqual: return left <= right
        case .greater: return left > right
        case .greaterOrEqual: return left >= right
        case .equal: return left == right
        case .notEqual: return left != right
        }
    }
}

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
