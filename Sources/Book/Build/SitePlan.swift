import GAN
import Notebook

/// A `gan` directive resolved: its configuration and the hash that names its cache entry.
/// A child of a sweep is one too, its id `parent[label]`.
struct PlannedRun {
    let id: String
    let caption: String?
    let config: RunConfig
    let hash: String
    let line: Int
    /// The block's `expect:` entries, as claims on this run.
    var expectations: [Claim] = []
}

enum PlannedBlock {
    case prose(String)
    case value(PlannedValue)
    case run(PlannedRun)
    case sweep(PlannedSweep)
    case display(DisplayDirective)
    case check(PlannedCheck)
}

struct PlannedPage {
    let page: Page
    let blocks: [PlannedBlock]
    /// The runs the page's claims may name.
    var targets = ClaimTargets()

    /// Every run of the page, a sweep's children included, in page order.
    var runs: [PlannedRun] {
        blocks.flatMap { block -> [PlannedRun] in
            switch block {
            case .run(let run): return [run]
            case .sweep(let sweep): return sweep.children
            default: return []
            }
        }
    }

    /// Every claim of the page: expectations, then gan-check lines, in page order.
    var claims: [Claim] {
        blocks.flatMap { block -> [Claim] in
            switch block {
            case .run(let run): return run.expectations
            case .sweep(let sweep): return sweep.children.flatMap(\.expectations)
            case .check(let check): return check.claims
            default: return []
            }
        }
    }

    var values: [PlannedValue] {
        blocks.compactMap { if case .value(let value) = $0 { return value } else { return nil } }
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
