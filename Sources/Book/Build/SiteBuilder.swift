import Foundation
import GAN

/// `ganbook build`: every stage of `BuildStages` in order.
struct SiteBuilder {
    let options: BuildOptions
    let console: Console

    func build() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let stages = BuildStages(content: options.content, site: options.site, templates: options.templates,
                                 console: console)
        let plan = try stages.plan(try stages.loadPages())
        let templates = try stages.loadTemplates()
        let missing = try stages.verifyCache(plan)
        if options.frozen && !missing.isEmpty {
            throw BookError(file: "", message: "--frozen: \(missing.count) run(s) have no cached result:\n"
                            + stages.list(missing, plan: plan), hint: "run ganbook build without --frozen to train them")
        }
        let search = DataSearchPath.standard(dataArgument: options.data)
        try stages.checkBeforeTraining(missing, search: search, plan: plan, templates: templates)
        let tally = try stages.train(missing, search: search, threads: options.threads)
        let written = try stages.write(try stages.render(plan, templates: templates))

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let runCount = plan.distinctRuns.count
        console.line("built \(plan.pages.count) page(s): \(runCount) run(s), \(runCount - tally.trained) reused, "
                     + "\(tally.trained) trained; \(written) file(s) changed; \(DurationText.format(seconds: seconds))")
    }
}
