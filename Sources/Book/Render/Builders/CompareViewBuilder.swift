import GAN

/// Builds the view of a ```gan-compare directive: one metric of several runs on one chart.
public enum CompareViewBuilder {
    /// - Parameters:
    ///   - runs: the runs in directive order, each with its `id`.
    ///   - file, line: the directive's place in its page, for errors.
    public static func build(metric: String, title: String?, runs: [(runID: String, entry: RunEntry)],
                             smoothing: Double = 0.9, file: String, line: Int?) throws -> CompareView {
        var curves: [(name: String, metrics: MetricsTable)] = []
        for run in runs {
            guard let table = run.entry.curve(metric) else {
                throw BookError(file: file, line: line, message: "run \(run.runID) has no metric \"\(metric)\"",
                                hint: ClosestName.hint(for: metric, among: run.entry.metrics.columnNames
                                                           + (run.entry.evaluationCurves?.columnNames ?? []),
                                                       allowed: "metrics.csv and evaluation.csv columns"))
            }
            curves.append((run.runID, table))
        }
        // The evaluation's curves have a point per snapshot: drawn as measured.
        let chart = RunCharts.comparison(metric: metric, runs: curves, title: title,
                                         smoothing: MetricsLog.columns.contains(metric) ? smoothing : 0)
        return CompareView(compareTitle: title ?? metric, metric: metric, chartSVG: chart.svg(),
                           runs: runs.map { RunLink(runID: $0.runID, hash: $0.entry.hash) })
    }
}
