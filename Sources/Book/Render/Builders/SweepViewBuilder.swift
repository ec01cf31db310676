import Foundation
import GAN

/// Builds the view of a sweep from its children's cache entries.
struct SweepViewBuilder {
    var runsPath = "runs/"

    func build(_ sweep: PlannedSweep, entries: [RunEntry]) -> SweepView {
        let grids = zip(zip(sweep.children, sweep.labels), entries).map { pair, entry in
            SweepView.Grid(label: pair.1, runID: pair.0.id, path: runsPath + entry.hash + "/" + RunEntryLayout.finalGrid,
                           shortHash: String(entry.hash.prefix(12)))
        }
        return SweepView(runID: sweep.id, anchor: "run-" + sweep.id, caption: sweep.caption, runCount: entries.count,
                         grids: grids,
                         discriminatorChartSVG: meanChart("Discriminator outputs (mean, min–max band)",
                                                          [MetricColumn.dReal, MetricColumn.dFake], entries, probability: true),
                         lossChartSVG: meanChart("Losses (mean, min–max band)",
                                                 [MetricColumn.lossG, MetricColumn.lossDReal, MetricColumn.lossDFake], entries),
                         table: SweepViewBuilder.table(sweep, entries: entries))
    }

    /// A column's mean, min and max over the runs, row by row over the rows all of them logged;
    /// nil when a run lacks the column.
    static func spread(_ column: String, _ entries: [RunEntry]) -> (x: [Double], mean: [Double], low: [Double], high: [Double])? {
        spread(column, entries.map(\.metrics))
    }

    /// The same over tables of one kind (each run's metrics.csv, or each run's evaluation.csv).
    static func spread(_ column: String, _ tables: [MetricsTable]) -> (x: [Double], mean: [Double], low: [Double], high: [Double])? {
        let rows = tables.map(\.rowCount).min() ?? 0
        let x = Array((tables.first?.column(MetricColumn.iteration) ?? []).prefix(rows))
        let values = tables.compactMap { $0.column(column).map { Array($0.prefix(rows)) } }
        guard values.count == tables.count, !values.isEmpty else { return nil }
        let perRow = (0..<x.count).map { row in values.map { $0[row] } }
        return (x, perRow.map(ClaimAggregate.mean.apply), perRow.map { $0.min()! }, perRow.map { $0.max()! })
    }

    /// Each column's mean over the runs with its min–max band.
    private func meanChart(_ title: String, _ columns: [String], _ entries: [RunEntry], probability: Bool = false) -> String {
        var series: [ChartSeries] = []
        var bands: [ChartBand] = []
        for column in columns {
            guard let spread = SweepViewBuilder.spread(column, entries) else { continue }
            bands.append(ChartBand(seriesIndex: series.count, x: spread.x, low: spread.low, high: spread.high))
            series.append(ChartSeries(name: column, x: spread.x, y: spread.mean))
        }
        var chart = LineChart(title: title, series: series)
        chart.bands = bands
        chart.smoothing = 0
        chart.iterationsPerEpoch = entries.first?.metrics.iterationsPerEpoch
        // The runs' equilibrium line, as for a single run (α/2 under label smoothing), when they
        // share it: σ(D)'s when they share α, loss_g's when they share the loss too.
        let equilibria = entries.map { Equilibrium($0) }
        if probability {
            chart.yRange = 0...1
            chart.referenceLines = Equilibrium.sharedDiscriminatorLine(equilibria).map { [$0] } ?? []
        } else if let line = Equilibrium.sharedGeneratorLine(equilibria), columns.contains(MetricColumn.lossG) {
            chart.referenceLines = [line]
        }
        return chart.svg()
    }

    /// One row per swept setting (seeds pooled): every eval.json key all runs hold, and the
    /// training time, as mean ± std over the seeds.
    static func table(_ sweep: PlannedSweep, entries: [RunEntry]) -> TableView {
        var shared = Set(entries.first?.evaluation.keys.map { $0 } ?? [])
        for entry in entries.dropFirst() { shared.formIntersection(entry.evaluation.keys) }
        let columns = SweepViewBuilder.ordered(shared.subtracting(["diverged_at_iteration"])) + [TableViewBuilder.wallSeconds]
        var groups: [(setting: String, members: [(run: PlannedRun, entry: RunEntry)])] = []
        for (index, child) in sweep.children.enumerated() {
            let setting = sweep.labels[index].split(separator: ",").filter { !$0.hasPrefix("seed=") }.joined(separator: ",")
            if let at = groups.firstIndex(where: { $0.setting == setting }) {
                groups[at].members.append((child, entries[index]))
            } else {
                groups.append((setting, [(child, entries[index])]))
            }
        }
        let rows = groups.map { group -> TableRow in
            let name = group.setting.isEmpty ? "\(sweep.id) (n = \(group.members.count))"
                : "\(sweep.id)[\(group.setting)] (n = \(group.members.count))"
            return TableViewBuilder.aggregateRow(label: name, href: "#run-" + sweep.id, columns: columns,
                                                 entries: group.members.map(\.entry))
        }
        return TableView(tableTitle: nil,
                         columns: columns.map { TableColumn(name: $0, note: $0 == TableViewBuilder.wallSeconds
                                                                ? "training time" : "after training") },
                         rows: rows, sourceNote: "mean ± std over each setting's seeds")
    }

    /// The headline metrics first (what a reader compares settings by), the ten class shares last.
    static func ordered(_ keys: Set<String>) -> [String] {
        let first = [EvaluationKey.fcd, EvaluationKey.classesCovered, EvaluationKey.classifierScore, EvaluationKey.modesCovered,
                     EvaluationKey.modesCovered20, EvaluationKey.highQualityFraction, EvaluationKey.reverseKL]
        let rank = { (key: String) -> Int in
            if let index = first.firstIndex(of: key) { return index }
            return key.hasPrefix("class_hist") ? first.count + 1 : first.count
        }
        return keys.sorted { (rank($0), $0) < (rank($1), $1) }
    }
}
