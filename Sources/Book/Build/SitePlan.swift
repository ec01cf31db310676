import GAN
import Notebook

/// A `gan` directive resolved: its configuration and the hash that names its cache entry.
struct PlannedRun {
    let id: String
    let caption: String?
    let config: RunConfig
    let hash: String
    let line: Int
}

enum PlannedBlock {
    case prose(String)
    case run(PlannedRun)
    case display(DisplayDirective)
}

struct PlannedPage {
    let page: Page
    let blocks: [PlannedBlock]

    var runs: [PlannedRun] {
        blocks.compactMap { if case .run(let run) = $0 { return run } else { return nil } }
    }
}

/// Every page, checked, before anything trains.
struct SitePlan {
    let pages: [PlannedPage]

    /// Each distinct run once (pages may share a configuration), in page order.
    var distinctRuns: [(run: PlannedRun, page: PlannedPage)] {
        var seen = Set<String>()
        var list: [(PlannedRun, PlannedPage)] = []
        for page in pages {
            for run in page.runs where seen.insert(run.hash).inserted { list.append((run, page)) }
        }
        return list
    }
}
