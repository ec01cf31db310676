/// The runs the notebook values count: each page's distinct runs (a sweep's children included)
/// and the notebook's, each run once however many pages use it.
struct NotebookRuns {
    var currentSlug = ""
    var pages: [String: [PlannedRun]] = [:]
    var all: [PlannedRun] = []

    init() {}

    /// The runs of every page of `plan`, seen from `page`. `plan` is the whole notebook, also when
    /// only some of its pages are rendered (`--only`).
    init(plan: SitePlan, page: PlannedPage) {
        currentSlug = page.page.slug
        for planned in plan.pages { pages[planned.page.slug] = NotebookRuns.distinct(planned.runs) }
        all = plan.distinctRuns.map(\.run)
    }

    func runs(_ scope: NotebookScope) -> [PlannedRun] {
        switch scope {
        case .page: return pages[currentSlug] ?? []
        case .otherPage(let slug): return pages[slug] ?? []
        case .notebook: return all
        }
    }

    static func distinct(_ runs: [PlannedRun]) -> [PlannedRun] {
        var seen = Set<String>()
        return runs.filter { seen.insert($0.hash).inserted }
    }
}
