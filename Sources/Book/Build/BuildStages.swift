import Engine
import Foundation
import GAN
import Notebook

/// The stages of a build, each usable alone by any command:
/// load pages → plan → verify the cache → train what is missing → render to memory → write.
/// `SiteBuilder` runs them all; `ganbook runs` runs the first two and the cache check.
struct BuildStages {
    let content: URL
    let site: URL
    let templates: URL
    let console: Console
    let cache: RunCache
    /// The CPU the missing runs will train on; a test puts another CPU's flags here.
    var cpu: CPUFeatures = .current

    init(content: String, site: String, templates: String, console: Console) {
        self.content = URL(fileURLWithPath: content, isDirectory: true)
        self.site = URL(fileURLWithPath: site, isDirectory: true)
        self.templates = URL(fileURLWithPath: templates, isDirectory: true)
        self.console = console
        cache = RunCache(site: self.site)
    }

    /// The same stages over another cache: training stores into it (a shared cache outside the site).
    init(content: URL, site: URL, templates: URL, console: Console, cache: RunCache) {
        self.content = content
        self.site = site
        self.templates = templates
        self.console = console
        self.cache = cache
    }

    /// Stage 1: the notebook's pages; a page that resolves outside content/ is refused. A page
    /// with wrong front matter is kept, with its problems, so the plan reports them together
    /// with every directive's: one bad page hides nothing.
    func loadPages() throws -> PageReading {
        try SourceContainment.check(folder: content, what: "page", paths: SourceContainment.pagePaths(in: content))
        return try Notebook.readPages(in: content, directiveKinds: SitePlanner.directiveKinds)
    }

    /// Stage 2: every directive decoded and hashed (nothing trained or written); every problem
    /// of every page is one error.
    func plan(_ reading: PageReading) throws -> SitePlan {
        try SitePlanner.plan(reading.pages, pageProblems: reading.problems)
    }

    typealias PageReading = (pages: [Page], problems: [NotebookError])

    /// The templates and their assets, checked before training too: a broken template should not cost a run.
    func loadTemplates() throws -> LoadedTemplates { try LoadedTemplates.load(from: templates) }

    /// Stage 3: each distinct run of the plan, with its cache state (entries verified quickly).
    /// Damage anywhere is one error listing every damaged entry, before anything trains.
    func verifyCache(_ plan: SitePlan) throws -> [(run: PlannedRun, page: PlannedPage)] {
        try cache.checkRoot()
        cache.removeAbandonedPartials()
        var damaged: [Error] = []
        var missing: [(run: PlannedRun, page: PlannedPage)] = []
        for item in plan.distinctRuns {
            switch cache.state(item.run.hash) {
            case .present: break
            case .absent: missing.append(item)
            case .damaged(let error):
                damaged.append(BookError(file: error.file, line: error.line,
                                         message: "\(error.message) (run \(item.run.id) of \(item.page.page.sourcePath):\(item.run.line))",
                                         hint: error.hint))
            }
        }
        if let problem = SitePlanner.combine(damaged) { throw problem }
        return missing
    }

    /// Every page and directive of `runs`, one a line, for error messages.
    func list(_ runs: [(run: PlannedRun, page: PlannedPage)], plan: SitePlan) -> String {
        let hashes = Set(runs.map(\.run.hash))
        return plan.pages.flatMap { page in
            page.runs.filter { hashes.contains($0.hash) }.map {
                "  \(page.page.sourcePath):\($0.line): \($0.id) (run \($0.hash.prefix(12)))"
            }
        }.joined(separator: "\n")
    }

    /// Before stage 4: everything training needs that can be checked now: that every missing run
    /// fits this machine's memory and can run its precision on this CPU, every dataset of every missing run (with the directive's
    /// page:line), that the site and the cache are writable, and, when the build goes on to write
    /// the pages of `plan`, that no file of the author's stands where one of them goes.
    func checkBeforeTraining(_ missing: [(run: PlannedRun, page: PlannedPage)], search: DataSearchPath,
                             plan: SitePlan?, templates: LoadedTemplates?) throws {
        var problems: [Error] = []
        var checked: [DatasetName: Error?] = [:]
        for item in missing {
            do { try item.run.config.checkMemory(file: item.page.page.sourcePath, line: item.run.line) } catch { problems.append(error) }
            if let reason = item.run.config.precision.unavailability(on: cpu) {
                problems.append(BookError(file: item.page.page.sourcePath, line: item.run.line,
                                          message: "run \(item.run.id) has precision: bf16, and \(reason)",
                                          hint: "train it on a CPU with AVX512-BF16 (AMD Zen 4, Intel Cooper Lake or later) and commit its cache entry, or use precision: fp32"))
            }
            let dataset = item.run.config.dataset
            if checked[dataset] == nil {
                do { try search.ensureAvailable(dataset); checked[dataset] = .some(nil) } catch { checked[dataset] = error }
            }
            if case .some(.some(let error)) = checked[dataset] {
                problems.append(BookError(file: item.page.page.sourcePath, line: item.run.line,
                                          message: "run \(item.run.id) needs \(dataset.rawValue): \(error)"))
            }
        }
        if let problem = SitePlanner.combine(problems) { throw problem }
        try SiteOutput.ensureFolder(site, what: "site folder")
        try WritableCheck.probe(site, what: "site folder")
        if !missing.isEmpty {
            try cache.createRoot()
            try WritableCheck.probe(cache.root, what: "results cache")
            if let plan, let templates {
                try SiteOutput(siteURL: site).checkReplaceable(SiteRendering.outputPaths(plan, templates: templates))
            }
            // A lock file a folder or link stands in for would stop the build at that run, after others trained.
            let locks = missing.map { cache.lockURL($0.run.hash) } + [site.appendingPathComponent(SiteOutput.lockName)]
            let blocked = locks.filter { ![.missing, .regular].contains(FileKind.of($0.path)) }.map {
                BookError(file: $0.path, message: "stands where ganbook keeps a lock file, and is not a regular file",
                          hint: "remove it (ganbook creates its lock files itself); nothing was trained")
            }
            if let problem = SitePlanner.combine(blocked) { throw problem }
        }
    }

    /// Stage 4: trains each run under its lock; a run another build trained meanwhile is taken
    /// from the cache and counted as reused. A run in `reruns` trains again even when cached, and
    /// its entry is replaced only once the new one is whole. With `failed`, a run that fails is
    /// handed to it and training goes on (`--keep-going`); without, the error ends the stage.
    /// `afterEach` hears how many runs are done after each one.
    func train(_ items: [(run: PlannedRun, page: PlannedPage)], search: DataSearchPath, threads: Int,
               reruns: Set<String> = [], failed: (((run: PlannedRun, page: PlannedPage), Error) throws -> Void)? = nil,
               afterEach: (Int) throws -> Void = { _ in }) throws -> TrainingTally {
        var tally = TrainingTally()
        let progress = BuildProgress(total: items.count)
        BuildInterruption.active?.planned(items.count)
        for (index, item) in items.enumerated() {
            let label = "[\(index + 1)/\(items.count)] \(item.page.page.slug)/\(item.run.id)"
            do {
                try trainOne(item, label: label, again: reruns.contains(item.run.hash), search: search, threads: threads,
                             tally: &tally)
            } catch {
                guard let failed else { throw error }
                try failed(item, error)
                console.line("failed \(label); continuing (--keep-going)")
            }
            try afterEach(index + 1)
            if items.count > 1 { console.line(progress.finished(index + 1)) }
        }
        return tally
    }

    /// One run of stage 4, under the run's lock.
    private func trainOne(_ item: (run: PlannedRun, page: PlannedPage), label: String, again: Bool,
                          search: DataSearchPath, threads: Int, tally: inout TrainingTally) throws {
        let name = "\(item.page.page.slug)/\(item.run.id)"
        let lock = try cache.lockRun(item.run.hash) {
            console.line("waiting for another build that is training \(label) (run \(item.run.hash.prefix(12)))")
        }
        defer { lock.release() }
        if !again {
            switch cache.state(item.run.hash) {
            case .present:
                console.line("reusing \(label): another build trained it meanwhile")
                tally.reused += 1
                BuildInterruption.active?.finished("\(name) (trained by another build)")
                return
            case .damaged(let error): throw error
            case .absent: break
            }
        }
        BuildInterruption.active?.started(name)
        console.line("\(again ? "training again" : "training") \(label) (run \(item.run.hash.prefix(12)), \(threads) thread(s))")
        let files = try RunTraining.train(item.run.config, search: search, threads: threads, console: console, label: "  ",
                                          classifiers: ClassifierFolder.cache(content: content))
        try BuildInterruption.writing {
            if again { try cache.replace(item.run.hash, files: files) } else { _ = try cache.store(item.run.hash, files: files) }
        }
        BuildInterruption.active?.finished(name)
        tally.trained += 1
    }

    /// Stage 5: the whole site in memory, from verified entries.
    func render(_ plan: SitePlan, templates: LoadedTemplates) throws -> [String: Data] {
        try SiteRendering(templates: templates, entry: cache.load, math: MathTypesetter.forNotebook(content: content)).render(plan)
    }

    /// Stage 6: the rendered files into the site folder through its manifest; returns how many changed.
    func write(_ files: [String: Data]) throws -> Int { try SiteOutput(siteURL: site).write(files) }
}
