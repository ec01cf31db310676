import GAN

/// `ganbook build --dry-run`: the plan's listing (`PlanListing`, as `ganbook plan` prints it) of
/// each run that would train, with the time this machine's measured speed predicts and the total.
struct DryRunReport {
    let console: Console
    let threads: Int

    func show(_ items: [(run: PlannedRun, page: PlannedPage)], plan: SitePlan, reruns: Set<String>) {
        let listing = PlanListing(missing: items, plan: plan, estimator: MeasuredRunTime(), threads: threads)
        console.line("dry run: \(items.count) run(s) would train" + (reruns.isEmpty ? "" : " (\(reruns.count) again)"))
        console.line(listing.text)
        console.line("nothing was trained or written")
    }
}
