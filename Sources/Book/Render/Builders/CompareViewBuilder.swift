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
    /// min–max band; other runs as they are. Each line has the colour of its run (a sweep's: its
    /// first run's) as in the page's other comparisons, and the equilibrium line is drawn when all
    /// the runs share it, as for single runs. The metric was checked on every run already.
    static func build(metric: String, title: String?,
                      members: [(id: String, isSweep: Bool, runs: [(runID: String, entry: RunEntry)])],
                      smoothing: Double, colors: [String: String] = [:]) throws -> CompareView {
        var runs: [(name: String, metrics: MetricsTable)] = []
        var lineColors: [String: String] = [:]
        var bands: [(index: Int, band: (x: [Double], low: [Double], high: [Double]))] = []
        for member in members {
            let tables = member.runs.compactMap { $0.entry.curve(metric) }
            if member.isSweep, tables.count == member.runs.count, let spread = SweepViewBuilder.spread(metric, tables) {
                let name = "\(member.id) (mean of \(member.runs.count))"
                bands.append((runs.count, (spread.x, spread.low, spread.high)))
                runs.append((name: name, metrics: MetricsTable(columns: [(MetricColumn.iteration, spread.x), (metric, spread.mean)])))
                lineColors[name] = member.runs.first.flatMap { colors[$0.runID] }
            } else {
                for (run, table) in zip(member.runs, tables) {
                    runs.append((name: run.runID, metrics: table))
                    lineColors[run.runID] = colors[run.runID]
                }
            }
        }
        // The evaluation's curves have a point per snapshot: drawn as measured.
        let logged = MetricsLog.columns.contains(metric)
        let entries = members.flatMap(\.runs).map(\.entry)
        var chart = RunCharts.comparison(metric: metric, runs: runs, title: title, smoothing: logged ? smoothing : 0,
                                         colors: lineColors, equilibria: logged ? entries.map { Equilibrium($0) } : [])
        chart.bands = bands.map { ChartBand(seriesIndex: $0.index, x: $0.band.x, low: $0.band.low, high: $0.band.high) }
        return CompareView(compareTitle: title ?? metric, metric: metric, chartSVG: chart.svg(),
                           runs: members.map { RunLink(runID: $0.id, hash: $0.runs.first?.entry.hash ?? "") })
    }
}
