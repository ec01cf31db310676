import Foundation
import GAN

/// `ganbook build`: every stage of `BuildStages` in order.
struct SiteBuilder {
    let options: BuildOptions
    let console: Console

    func build() throws {
        if options.usesBuildControls { return try ControlledBuild(options: options, console: console).build() }
        let started = DispatchTime.now().uptimeNanoseconds
        var stages = BuildStages(content: options.content, site: options.site, templates: options.templates,
                                 console: console)
        if let cpu = options.cpu { stages.cpu = cpu }
        let plan = try stages.plan(try stages.loadPages())
        let templates = try stages.loadTemplates()
        let shared = SharedCache.forBuild(stages, option: options.cache)
        try shared?.publish(plan)
        var missing = try stages.verifyCache(plan)
        if let shared { missing = try shared.stillMissing(missing) }  // damage there stops the build too
        if options.frozen && !missing.isEmpty {
            throw BookError(file: "", message: "--frozen: \(missing.count) run(s) have no cached result:\n"
                            + stages.list(missing, plan: plan), hint: "run ganbook build without --frozen to train them")
        }
        let search = DataSearchPath.standard(dataArgument: options.data)
        // With a shared cache, runs train into it and are copied into the site once all have trained.
        let trainer = shared?.trainingStages(stages) ?? stages
        try trainer.checkBeforeTraining(missing, search: search, plan: plan, templates: templates)
        let writer = ProgressiveWriter(stages: stages, templates: templates, full: plan, onlySlug: nil, keepGoing: false)
        if missing.count > 1 { _ = try writer.writeReady() }
        let tally = try trainer.train(missing, search: search, threads: options.threads,
                                      afterEach: { done in if done < missing.count { _ = try writer.writeReady() } })
        try shared?.publish(plan)
        let written = try stages.write(try stages.render(plan, templates: templates))

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let runCount = plan.distinctRuns.count
        console.line("built \(plan.pages.count) page(s): \(runCount) run(s), \(runCount - tally.trained) reused, "
                     + "\(tally.trained) trained; \(written) file(s) changed; \(DurationText.format(seconds: seconds))")
    }
}
