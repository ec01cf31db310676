import Diagnostics

/// "Did you mean …?" for run ids, metrics and columns: Diagnostics' one search, with the
/// candidates listed in alphabetical order.
enum ClosestName {
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        NameSuggestion.closest(to: name, among: candidates)
    }

    /// A hint listing what is allowed, with a suggestion first when there is one.
    static func hint(for name: String, among candidates: [String], allowed: String) -> String {
        NameSuggestion.hint(for: name, among: candidates.sorted(), noun: allowed)
    }
}
