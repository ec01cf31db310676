/// Every kind of directive a page may hold; planning switches over this enum, so a new kind
/// cannot be decoded as another by a catch-all branch.
enum DirectiveKind: String, CaseIterable {
    case gan
    case compare = "gan-compare"
    case table = "gan-table"
    case check = "gan-check"

    /// The info strings Notebook is to treat as directives.
    static var names: Set<String> { Set(allCases.map(\.rawValue)) }
}
