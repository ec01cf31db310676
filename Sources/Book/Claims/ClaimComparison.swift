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
