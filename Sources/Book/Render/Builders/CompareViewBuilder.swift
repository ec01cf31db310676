/// Builds the view of a ```gan-compare directive: one metric of several runs on one chart.
public enum CompareViewBuilder {
    /// - Parameters:
    ///   - runs: the runs in directive order, each with its `id`.
    ///   - file, line: the directive's place in its page, for errors.
    public static func build(metric: String, title: String?, runs: [(runID: String, entry: RunEntry)],
                             smoothing: Double = 0.9, colors: [String: String] = [:],
                             file: String, line: Int?) throws -> CompareView {
        for run in runs where !run.entry.metrics.hasColumn(metric) {
            throw BookError(file: file, line: line, message: "run \(run.runID) has no metric \"\(metric)\"",
                            hint: ClosestName.hint(for: metric, among: run.entry.metrics.columnNames,
                                                   allowed: "metrics.csv columns"))
        }
        let chart = RunCharts.comparison(metric: metric, runs: runs.map { (name: $0.runID, metrics: $0.entry.metrics) },
                                         title: title, smoothing: smoothing, colors: colors,
                                         equilibria: runs.map { Equilibrium($0.entry) })
        return CompareView(compareTitle: title ?? metric, metric: metric, chartSVG: chart.svg(),
                           runs: runs.map { RunLink(runID: $0.runID, hash: $0.entry.hash) })
    }
}
