import Foundation
import GAN
import Notebook

/// `ganbook build` with the author's controls: `--only PAGE`, `--rerun ID|HASH`, `--dry-run`,
/// `--keep-going`, overall progress (runs done/total, ETA), and each page written as soon as
/// all its runs are cached, so a preview fills in while training continues. Uses the stages
/// of `BuildStages`; the plain build is `SiteBuilder`.
struct ControlledBuild {
    let options: BuildOptions
    let console: Console

    typealias Item = (run: PlannedRun, page: PlannedPage)

    func build() throws {
        let clock = BuildClock()
        if options.trainOnly == nil, let shared = CacheLocation.resolve(option: options.cache) {
            throw BookError(file: shared.path, message: "a shared cache (--cache or $GANBOOK_CACHE_DIR) is not yet combined "
                            + "with --only, --rerun, --dry-run, -j or --keep-going",
                            hint: "build without those options, or list the runs to train with ganbook plan")
        }
        var stages = BuildStages(content: options.content, site: options.site, templates: options.templates, console: console)
        if let cpu = options.cpu { stages.cpu = cpu }
        if let hash = options.trainOnly, let child = options.trainChild { return try trainResolved(hash, child, stages: stages) }
        let full = try stages.plan(try stages.loadPages())
        let templates = try stages.loadTemplates()
        let selection = try BuildSelection(plan: full, only: options.only, rerun: options.rerun)
        if let hash = options.trainOnly { return try trainOne(hash, plan: full, reruns: Set(selection.rerun.map(\.run.hash)), stages: stages) }
        let missing = try stages.verifyCache(selection.plan)
        let toTrain = missing + selection.rerun.filter { item in !missing.contains { $0.run.hash == item.run.hash } }
        let reruns = Set(selection.rerun.map(\.run.hash))

        if options.dryRun {
            DryRunReport(console: console, threads: options.threads).show(toTrain, plan: selection.plan, reruns: reruns)
            return
        }
        if options.frozen && !toTrain.isEmpty {
            throw BookError(file: "", message: "--frozen: \(toTrain.count) run(s) would train:\n" + stages.list(toTrain, plan: full),
                            hint: "run ganbook build without --frozen to train them")
        }
        let search = DataSearchPath.standard(dataArgument: options.data)
        var failures: [String] = []
        var ready = toTrain
        if options.keepGoing {
            ready = []
            for item in toTrain {
                do { try stages.checkBeforeTraining([item], search: search, plan: selection.plan, templates: templates); ready.append(item) } catch {
                    failures.append("\(item.page.page.sourcePath):\(item.run.line): \(item.run.id): \(error)")
                }
            }
        } else {
            try stages.checkBeforeTraining(toTrain, search: search, plan: selection.plan, templates: templates)
        }

        let writer = ProgressiveWriter(stages: stages, templates: templates, full: full, onlySlug: selection.onlySlug,
                                       keepGoing: options.keepGoing)
        if !ready.isEmpty { _ = try writer.writeReady() }  // pages already complete, at once
        let jobs = min(options.jobs ?? BuildOptions.defaultJobs, ready.count)
        let tally: TrainingTally
        if jobs > 1, let executable = ParallelTraining.ganbookExecutable() {
            tally = try trainInParallel(ready, reruns: reruns, executable: executable, jobs: jobs, writer: writer, failures: &failures)
        } else {
            tally = try train(ready, reruns: reruns, stages: stages, search: search, writer: writer, failures: &failures)
        }
        let (written, renderFailures) = try writer.finish()
        failures += renderFailures

        let runCount = selection.plan.distinctRuns.count
        console.line("built \(writer.writtenPages) page(s)\(selection.onlySlug.map { " (--only \($0) and the index)" } ?? ""): "
                     + "\(runCount) run(s), \(runCount - tally.trained) reused, \(tally.trained) trained; "
                     + "\(written) file(s) changed; \(DurationText.format(seconds: clock.seconds))")
        if !failures.isEmpty {
            throw BookError(file: "", message: "--keep-going: \(failures.count) failure(s); everything else was built:\n"
                            + failures.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n    ") }.joined(separator: "\n"))
        }
    }

    /// Trains the runs with the build's train stage (a rerun replaces its entry only once the new
    /// one is whole), writing every page whose runs are all cached as each run finishes.
    func train(_ items: [Item], reruns: Set<String>, stages: BuildStages, search: DataSearchPath,
               writer: ProgressiveWriter?, failures: inout [String]) throws -> TrainingTally {
        var failed: [String] = []
        let tally = try stages.train(items, search: search, threads: options.threads, reruns: reruns,
                                     failed: options.keepGoing ? { item, error in
                                         failed.append("\(item.page.page.sourcePath):\(item.run.line): \(item.run.id): \(error)")
                                     } : nil,
                                     afterEach: { done in if let writer, done < items.count { _ = try writer.writeReady() } })
        failures += failed
        return tally
    }

    /// `-j N`: child processes train the runs; pages are written as their runs complete.
    func trainInParallel(_ items: [Item], reruns: Set<String>, executable: String, jobs: Int,
                         writer: ProgressiveWriter, failures: inout [String]) throws -> TrainingTally {
        var tally = TrainingTally()
        var failed: [String] = []
        let progress = BuildProgress(total: items.count)
        try ParallelTraining(options: options, console: console, executable: executable, jobs: jobs)
            .train(items, reruns: reruns) { done, item, error in
                if let error {
                    guard options.keepGoing else { throw error }
                    failed.append("\(item.page.page.sourcePath):\(item.run.line): \(item.run.id): \(error)")
                } else {
                    tally.trained += 1
                }
                console.line(progress.finished(done))
                if done < items.count { _ = try writer.writeReady() }
            }
        failures += failed
        return tally
    }

    /// The child of `-j` given the parent's resolved run: trains it without reading the pages,
    /// after checking that the configuration still hashes to the run it names.
    func trainResolved(_ hash: String, _ child: TrainChild, stages: BuildStages) throws {
        let text: String
        do { text = try String(contentsOfFile: child.configPath, encoding: .utf8) } catch {
            throw BookError(file: child.configPath, message: "cannot read the run's configuration: \(error.localizedDescription)")
        }
        let config = try RunConfig.decode(yaml: text, file: child.configPath)
        guard config.runHash == hash else {
            throw BookError(file: child.configPath, message: "hashes to \(config.runHash.prefix(12)), not to the run \(hash.prefix(12)) it names")
        }
        let parts = child.name.split(separator: "/", maxSplits: 1).map(String.init)
        let page = Page(slug: parts.first ?? child.name, sourcePath: child.source, frontMatter: FrontMatter(),
                        title: parts.first ?? child.name, blocks: [])
        let item: Item = (run: PlannedRun(id: parts.count > 1 ? parts[1] : child.name, caption: nil, config: config,
                                          hash: hash, line: child.line),
                          page: PlannedPage(page: page, blocks: []))
        try trainAlone(item, reruns: options.rerun.contains(hash) ? [hash] : [], stages: stages)
    }

    /// The child of `-j`: trains the one run `hash` of the plan into the cache (under its lock), renders nothing.
    func trainOne(_ hash: String, plan: SitePlan, reruns: Set<String>, stages: BuildStages) throws {
        guard let item = plan.distinctRuns.first(where: { $0.run.hash == hash }) else {
            throw BookError(file: options.content, message: "--train-only \(hash): no page uses this run")
        }
        try trainAlone(item, reruns: reruns, stages: stages)
    }

    /// A child's one run: into the cache under its lock, rendering nothing.
    private func trainAlone(_ item: Item, reruns: Set<String>, stages: BuildStages) throws {
        if !reruns.contains(item.run.hash), case .damaged(let error) = stages.cache.state(item.run.hash) { throw error }
        let search = DataSearchPath.standard(dataArgument: options.data)
        try stages.checkBeforeTraining([item], search: search, plan: nil, templates: nil)  // renders nothing
        var failures: [String] = []
        _ = try train([item], reruns: reruns, stages: stages, search: search, writer: nil, failures: &failures)
    }
}
