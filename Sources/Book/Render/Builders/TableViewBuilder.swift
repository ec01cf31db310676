import GAN

/// Builds the view of a ```gan-table directive: one row per run, final values as columns.
public enum TableViewBuilder {
    public static let wallSeconds = "wall_seconds"
    public static let imagesPerSecond = "images_per_second"
    /// Used when the directive names no columns.
    public static let defaultColumns = [MetricColumn.lossG, MetricColumn.dReal, MetricColumn.dFake, wallSeconds]

    /// A column may be a metrics.csv column (its final value), an eval.json key, `wall_seconds`
    /// or `images_per_second`. A column no run has is an error (a typo); a column only some runs
    /// have shows "—" for the others.
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
        let rows = runs.map { run in
            TableRow(run: RunLink(runID: run.runID, hash: run.entry.hash),
                     cells: columns.map { cell(column: $0, entry: run.entry) })
        }
        let logged = columns.filter { column in runs.contains { $0.entry.metrics.hasColumn(column) } && column != MetricColumn.iteration }
        let note = logged.isEmpty ? nil
            : "\(logged.joined(separator: ", ")): mean of the last \(windowRows) logged rows (one minibatch each); "
                + "final_d_real, final_d_fake and the evaluation's numbers: on the end-of-run evaluation sample."
        return TableView(tableTitle: title, columns: columns, rows: rows, note: note)
    }

    /// Logged rows a metrics.csv column's table value averages: one row is one minibatch's noise.
    public static let windowRows = 10

    static func cell(column: String, entry: RunEntry) -> String {
        switch column {
        case wallSeconds: return DurationText.format(seconds: entry.wallSeconds)
        case imagesPerSecond: return ValueText.plain(entry.imagesPerSecond.rounded())
        default:
            if let values = entry.metrics.column(column), column != MetricColumn.iteration {
                let window = values.suffix(windowRows).filter(\.isFinite)
                guard !window.isEmpty else { return ValueText.format(values.last) }
                return ValueText.format(window.reduce(0, +) / Double(window.count))
            }
            if let value = entry.metrics.lastValue(column) { return ValueText.format(value) }
            return ValueText.format(entry.evaluation[column])
        }
    }
}
