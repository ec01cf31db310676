import Foundation
import GAN
import Notebook

/// `ganbook runs`: every cache entry with the pages that use it, verified fully; `--prune`
/// removes entries no page references (only folders named by a run hash, never anything else).
struct RunsReport {
    let options: RunsOptions
    let console: Console

    func run() throws {
        let stages = BuildStages(content: options.content, site: options.site, templates: "", console: console)
        let cache = stages.cache
        let plan = try stages.plan(try stages.loadPages())
        var users: [String: [String]] = [:]
        for page in plan.pages {
            for run in page.runs { users[run.hash, default: []].append("\(page.page.slug)/\(run.id)") }
        }
        try cache.checkRoot()
        cache.removeAbandonedPartials()
        var problems = 0, unused: [String] = []
        for hash in cache.hashes() {
            var problem: BookError?
            if case .damaged(let error) = cache.check(hash, depth: .full) { problem = error; problems += 1 }
            let usedBy = users[hash]?.joined(separator: ", ") ?? "unused"
            if users[hash] == nil { unused.append(hash) }
            console.line("\(hash.prefix(12))  \(String(format: "%6.0f", Double(cache.size(hash)) / 1024)) KB  "
                         + "\(problem == nil ? "ok" : "DAMAGED")  \(usedBy)")
            if let problem { console.line("    \(problem)") }
        }
        for (hash, names) in users.sorted(by: { $0.key < $1.key }) where !cache.exists(hash) {
            console.line("\(hash.prefix(12))  not trained  \(names.joined(separator: ", "))")
        }
        for name in otherNames(in: cache) {
            console.line("note: \(cache.root.appendingPathComponent(name).path) is not a cache entry (its name is not a run hash); ganbook leaves it alone")
        }
        if options.prune || options.dryRun {
            try prune(used: Set(users.keys), plan: plan, cache: cache)
        } else if !unused.isEmpty {
            console.line("\(unused.count) unused entr\(unused.count == 1 ? "y" : "ies"); ganbook runs --prune removes them")
        }
        if problems > 0 {
            throw BookError(file: cache.root.path, message: "\(problems) damaged entr\(problems == 1 ? "y" : "ies")",
                            hint: "delete a damaged folder (the command is printed above) and build again to retrain it")
        }
    }

    /// Removes (or with --dry-run lists) the unused entries. An empty notebook, or one without a
    /// single gan block, would make every entry "unused": that is refused as a likely wrong --content.
    func prune(used: Set<String>, plan: SitePlan, cache: RunCache) throws {
        if plan.pages.isEmpty {
            throw BookError(file: options.content, message: "--prune: the notebook has no pages, so every cache entry would look unused; nothing was removed",
                            hint: "check --content (it must name the folder of the notebook's Markdown pages)")
        }
        if plan.distinctRuns.isEmpty {
            throw BookError(file: options.content, message: "--prune: no page has a gan block, so every cache entry would look unused; nothing was removed",
                            hint: "check --content; to empty the cache on purpose, delete site/runs yourself")
        }
        let cached = plan.distinctRuns.filter { cache.exists($0.run.hash) }
        if cached.isEmpty && !cache.hashes().isEmpty {
            throw BookError(file: options.content, message: "--prune: none of the notebook's \(plan.distinctRuns.count) run(s) has an entry in \(cache.root.path), "
                            + "so this cache does not look like the notebook's; nothing was removed",
                            hint: "check --content and --site, or build first so that the notebook's runs are cached")
        }
        let verb = options.dryRun ? "would remove" : "removing"
        let unused = try cache.prune(keeping: used, dryRun: options.dryRun) { console.line("\(verb) \($0.path)") }
        let count = "\(unused.count) unused entr\(unused.count == 1 ? "y" : "ies")"
        console.line(options.dryRun ? "dry run: \(count) would be removed; nothing was deleted" : "removed \(count)")
        for hash in cache.hashes() where !used.contains(hash) && !cache.isOwnEntry(hash) {
            console.line("note: \(cache.entry(hash).path) is named like a cache entry but is not one ganbook wrote "
                         + "(a link, a file, or a folder holding other files); ganbook leaves it alone")
        }
    }

    /// Names in the cache folder that are neither entries nor ganbook's own partials and locks.
    func otherNames(in cache: RunCache) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.root.path)) ?? []
        return names.filter {
            !RunCache.isRunHash($0) && !$0.hasPrefix(RunCache.partialPrefix) && !$0.hasPrefix(RunCache.lockPrefix)
        }.sorted()
    }
}
