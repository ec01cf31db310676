/// Which runs a notebook value counts: those of the page it is written on, of another page (by
/// its slug, as in the site: `mode-collapse`), or of the whole notebook (`*`), each run once.
enum NotebookScope: Equatable {
    case page
    case otherPage(String)
    case notebook

    /// As written after the measure: ``, `(slug)`, `(*)`.
    var suffix: String {
        switch self {
        case .page: return ""
        case .otherPage(let slug): return "(\(slug))"
        case .notebook: return "(*)"
        }
    }
}
