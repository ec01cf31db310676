import GAN

/// Builds the view of a ```gan-compare directive: one metric of several runs on one chart.
public enum CompareViewBuilder {
    /// - Parameters:
    ///   - runs: the runs in directive order, each with its `id`.
    ///   - file, line: the directive's place in its page, for errors.
    public static func build(metric: String, title: String?, runs: [(runID: String, entry: RunEntry)],
                             smoothing: Double = 0.9, colors: [String: String] = [:],
                             file: String, line: Int?) throws -> CompareView {
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
        let logged = MetricsLog.columns.contains(metric)
        let chart = RunCharts.comparison(metric: metric, runs: curves, title: title,
                                         smoothing: logged ? smoothing : 0, colors: colors,
                                         equilibria: logged ? runs.map { Equilibrium($0.entry) } : [])
        return CompareView(compareTitle: title ?? metric, metric: metric, chartSVG: chart.svg(),
                           runs: runs.map { RunLink(runID: $0.runID, hash: $0.entry.hash) })
    }

    /// A comparison naming sweeps: each sweep one line, the mean over its runs, with their
    /// min–max band; other runs as they are. The metric was checked on every run already.
    static func build(metric: String, title: String?, members: [(id: String, isSweep: Bool, entries: [RunEntry])],
                      smoothing: Double) throws -> CompareView {
        var runs: [(name: String, metrics: MetricsTable)] = []
        var bands: [(index: Int, band: (x: [Double], low: [Double], high: [Double]))] = []
        for member in members {
            if member.isSweep, let spread = SweepViewBuilder.spread(metric, member.entries) {
                bands.append((runs.count, (spread.x, spread.low, spread.high)))
                runs.append((name: "\(member.id) (mean of \(member.entries.count))",
                             metrics: MetricsTable(columns: [(MetricColumn.iteration, spread.x), (metric, spread.mean)])))
            } else {
                runs += zip(member.entries.indices, member.entries).map { index, entry in
                    (name: member.entries.count == 1 ? member.id : "\(member.id)#\(index + 1)", metrics: entry.metrics)
                }
            }
        }
        var chart = RunCharts.comparison(metric: metric, runs: runs, title: title, smoothing: smoothing)
        chart.bands = bands.map { ChartBand(seriesIndex: $0.index, x: $0.band.x, low: $0.band.low, high: $0.band.high) }
        return CompareView(compareTitle: title ?? metric, metric: metric, chartSVG: chart.svg(),
                           runs: members.map { RunLink(runID: $0.id, hash: $0.entries.first?.hash ?? "") })
    }
}
