import GAN

/// `ganbook build --dry-run`: each run that would train, with the time the engine's measured
/// speed on this machine predicts (its own model timed for a moment), and the total.
struct DryRunReport {
    let console: Console
    let threads: Int

    func show(_ items: [(run: PlannedRun, page: PlannedPage)], reruns: Set<String>) {
        guard !items.isEmpty else {
            console.line("dry run: nothing would train; every run is cached")
            return
        }
        var total = 0.0
        console.line("dry run: \(items.count) run(s) would train (\(threads) thread(s); estimates from this machine's speed)")
        for item in items {
            let iterations = RunTimeEstimate.iterations(item.run.config)
            let perIteration = RunTimeEstimate.secondsPerIteration(item.run.config, threads: threads)
            let seconds = perIteration * Double(iterations)
            total += seconds
            console.line("  \(item.page.page.sourcePath):\(item.run.line): \(item.run.id) (run \(item.run.hash.prefix(12)))"
                         + "\(reruns.contains(item.run.hash) ? " again" : ""): \(iterations) iterations, about \(DurationText.format(seconds: seconds))")
        }
        console.line("total: about \(DurationText.format(seconds: total)); nothing was trained or written")
    }
}
