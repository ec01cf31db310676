/// `ganbook runs gc [--dry-run]`: removes cache entries no page references, through the cache's
/// prune (only folders named by a run hash; refused for an empty notebook or one without runs).
struct RunsCollection {
    let options: RunsOptions
    let console: Console

    func run() throws {
        let report = RunsReport(options: options, console: console)
        let stages = BuildStages(content: options.content, site: options.site, templates: "", console: console)
        let plan = try stages.plan(try stages.loadPages())
        stages.cache.removeAbandonedPartials()
        try report.prune(used: Set(RunUsers(plan).byHash.keys), plan: plan, cache: stages.cache)
    }
}
