import Foundation
import GAN

/// `ganbook run HASH`: trains exactly one run of the notebook, found by its hash, into the cache
/// (the shared one with `--cache`), all at once. All a cluster worker needs: a run cached already
/// is a no-op that says so, and of two workers on one hash one trains while the other waits for
/// the run's lock, then finds the entry and ends.
struct HashRun {
    let options: RunOptions
    let console: Console

    func run() throws {
        let stages = BuildStages(content: options.content, site: options.site, templates: "", console: console)
        let plan = try stages.plan(try stages.loadPages())
        let item = try HashRun.find(options.hash, in: plan, content: options.content)
        let hash = item.run.hash
        let label = "\(item.page.page.sourcePath):\(item.run.line) \(item.run.id) (run \(hash.prefix(12)))"
        let target = CacheLocation.resolve(option: options.cache).map { RunCache(root: $0) } ?? stages.cache
        let caches = SharedCache(site: stages.cache, shared: target, console: console)
        if let folder = try caches.cachedFolder(hash) {
            console.line("\(label) is cached already in \(folder.path): nothing to do")
            return
        }
        let search = DataSearchPath.standard(dataArgument: options.data)
        do { try search.ensureAvailable(item.run.config.dataset) } catch {
            throw BookError(file: item.page.page.sourcePath, line: item.run.line,
                            message: "run \(item.run.id) needs \(item.run.config.dataset.rawValue): \(error)")
        }
        try target.createRoot()
        try WritableCheck.probe(target.root, what: "results cache")
        let trainer = BuildStages(content: stages.content, site: stages.site, templates: stages.templates,
                                  console: console, cache: target)
        let tally = try trainer.train([item], search: search, threads: options.threads)
        if case .damaged(let error) = target.check(hash, depth: .quick) { throw error }
        console.line(tally.trained == 1 ? "stored \(label) in \(target.entry(hash).path)"
                                        : "\(label) was trained by another worker meanwhile: \(target.entry(hash).path)")
    }

    /// The run whose hash is `text` (or starts with it: at least 8 hex digits, naming one run).
    static func find(_ text: String, in plan: SitePlan, content: String) throws -> (run: PlannedRun, page: PlannedPage) {
        let wanted = text.lowercased()
        guard wanted.count >= 8, wanted.count <= 64,
              wanted.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw BookError(file: "", message: "\(text) is not a run hash",
                            hint: "give the 64 hex digits (or the first 8 or more) that ganbook plan lists")
        }
        let found = plan.distinctRuns.filter { $0.run.hash.hasPrefix(wanted) }
        if found.count > 1 {
            throw BookError(file: "", message: "\(text) starts \(found.count) run hashes", hint: "give more digits")
        }
        guard let item = found.first else {
            throw BookError(file: content, message: "no run of the notebook has hash \(text)",
                            hint: "ganbook plan lists the runs to train; the pages may have changed since the job list was written")
        }
        return item
    }
}
