import GAN

/// Builds the view of a ```gan-table directive: one row per run, final values as columns.
public enum TableViewBuilder {
    public static let wallSeconds = "wall_seconds"
    public static let imagesPerSecond = "images_per_second"
    /// Used when the directive names no columns.
    public static let defaultColumns = [MetricColumn.lossG, MetricColumn.dReal, MetricColumn.dFake, wallSeconds]
    static let sourceNote = "Columns of metrics.csv show the mean of the run's last \(windowRows) logged rows (each row is one minibatch); "
        + "final_d_real, final_d_fake and the other evaluation values are measured once, after the last iteration, on the "
        + "evaluation sample; times are wall-clock training time."

    /// Logged rows a metrics.csv column's table value averages: one row is one minibatch's noise.
    public static let windowRows = 10

    /// Where a column's values come from.
    enum Source { case metrics, evaluation, duration, speed, divergence }

    /// A column may be a metrics.csv column (its final value), an eval.json key, `wall_seconds`
    /// or `images_per_second`. A column no run has is an error (a typo); a column only some runs
    /// have shows "—" for the others. Each column has one number format for all its rows.
    public static func build(title: String?, columns: [String], runs: [(runID: String, entry: RunEntry)],
                             file: String, line: Int?) throws -> TableView {
        let columns = columns.isEmpty ? defaultColumns : columns
        // A diverged run alone has its divergence step: for the others the column shows "—".
        let known = Set(runs.flatMap { $0.entry.metrics.columnNames + Array($0.entry.evaluation.keys) })
            .union([wallSeconds, imagesPerSecond, Evaluation.divergedAtIteration])
        for column in columns where !known.contains(column) {
            throw BookError(file: file, line: line, message: "no run has a column \"\(column)\"",
                            hint: ClosestName.hint(for: column, among: Array(known), allowed: "available"))
        }
        let sources = columns.map { column in source(of: column, in: runs.map(\.entry)) }
        let cells: [[String]] = zip(columns, sources).map { column, source in
            let values = runs.map { value(column: column, source: source, entry: $0.entry) }
            if source == .duration { return values.map { DurationText.format(seconds: $0 ?? .nan) } }
            let format = ColumnFormat(values: values.compactMap { $0 })
            return values.map(format.format)
        }
        let rows = runs.indices.map { row in
            TableRow(run: RunLink(runID: runs[row].runID, hash: runs[row].entry.hash),
                     cells: cells.map { $0[row] })
        }
        return TableView(tableTitle: title, columns: zip(columns, sources).map { TableColumn(name: $0, note: note($1)) },
                         rows: rows, sourceNote: sourceNote)
    }

    /// One row for several runs (a sweep): each column's values as mean ± std.
    static func aggregateRow(label: String, href: String, columns: [String], entries: [RunEntry]) -> TableRow {
        let cells = columns.map { column -> String in
            let source = source(of: column, in: entries)
            let values = entries.map { value(column: column, source: source, entry: $0) ?? .nan }
            if source == .duration { return DurationText.format(seconds: ClaimAggregate.mean.apply(values)) }
            return MeanText.format(values)
        }
        return TableRow(run: RunLink(label: label, href: href, hash: entries.first?.hash ?? ""), cells: cells)
    }

    static func source(of column: String, in entries: [RunEntry]) -> Source {
        switch column {
        case wallSeconds: return .duration
        case imagesPerSecond: return .speed
        case Evaluation.divergedAtIteration: return .divergence
        default: return entries.contains { $0.metrics.hasColumn(column) } ? .metrics : .evaluation
        }
    }

    static func note(_ source: Source) -> String {
        switch source {
        case .metrics: return "mean of last \(windowRows) rows"
        case .evaluation: return "after training"
        case .duration: return "training time"
        case .speed: return "images/s"
        case .divergence: return "iteration"
        }
    }

    static func value(column: String, source: Source, entry: RunEntry) -> Double? {
        switch source {
        case .duration: return entry.wallSeconds
        case .speed: return entry.imagesPerSecond.rounded()
        case .metrics:
            guard let values = entry.metrics.column(column), column != MetricColumn.iteration else {
                return entry.metrics.lastValue(column) ?? entry.evaluation[column]
            }
            let window = values.suffix(windowRows).filter(\.isFinite)
            return window.isEmpty ? values.last : window.reduce(0, +) / Double(window.count)
        case .evaluation, .divergence: return entry.evaluation[column]
        }
    }
}
