import Foundation
import GAN
import Notebook

/// `ganbook build`: pages → plan (run hashes) → cache (train what is missing) → render.
struct SiteBuilder {
    let options: BuildOptions
    let console: Console

    var contentURL: URL { URL(fileURLWithPath: options.content, isDirectory: true) }
    var siteURL: URL { URL(fileURLWithPath: options.site, isDirectory: true) }

    func build() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let pages = try Notebook.loadPages(in: contentURL, directiveKinds: SitePlanner.directiveKinds)
        let plan = try SitePlanner.plan(pages)
        // Templates are checked before training too: a broken template should not cost a run.
        let renderer = try SiteRenderer(templatesFolder: URL(fileURLWithPath: options.templates, isDirectory: true))
        let cache = RunCache(site: siteURL)
        cache.removeAbandonedPartials()
        let missing = plan.distinctRuns.filter { !cache.contains($0.run.hash) }

        if options.frozen && !missing.isEmpty {
            throw BookError(file: "", message: "--frozen: \(missing.count) run(s) have no cached result:\n"
                            + missingList(plan, cache: cache), hint: "run ganbook build without --frozen to train them")
        }
        let search = DataSearchPath.standard(dataArgument: options.data)
        try checkDatasets(missing, search: search)

        // Read the source commit now, before training, so a commit made meanwhile is not recorded.
        if !missing.isEmpty { _ = Provenance.engineCommit }
        for (index, item) in missing.enumerated() {
            let label = "[\(index + 1)/\(missing.count)] \(item.page.page.slug)/\(item.run.id)"
            console.line("training \(label) (run \(item.run.hash.prefix(12)), \(options.threads) thread(s))")
            let files = try RunTraining.train(item.run.config, search: search, threads: options.threads,
                                              console: console, label: "  ")
            try cache.store(item.run.hash, files: files)
        }

        let written = try SiteWriter(siteURL: siteURL, renderer: renderer, cache: cache).write(plan)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let runCount = plan.distinctRuns.count
        console.line("built \(plan.pages.count) page(s): \(runCount) run(s), \(runCount - missing.count) reused, "
                     + "\(missing.count) trained; \(written) file(s) changed; \(DurationText.format(seconds: seconds))")
    }

    /// Every page and directive whose run has no cache entry.
    func missingList(_ plan: SitePlan, cache: RunCache) -> String {
        plan.pages.flatMap { page in
            page.runs.filter { !cache.contains($0.hash) }.map {
                "  \(page.page.sourcePath):\($0.line): \($0.id) (run \($0.hash.prefix(12)))"
            }
        }.joined(separator: "\n")
    }

    /// A run whose data are missing stops the build before anything trains, naming the directive.
    func checkDatasets(_ runs: [(run: PlannedRun, page: PlannedPage)], search: DataSearchPath) throws {
        var problems: [Error] = []
        var checked: [DatasetName: Error?] = [:]
        for item in runs {
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
    }
}
