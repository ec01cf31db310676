import Foundation

/// The numbers of a run's `metrics.csv`: a header of column names, then one numeric row per
/// logged iteration. Any numeric columns are accepted; the usual ones are listed in `MetricColumn`.
public struct MetricsTable: Equatable, Sendable {
    /// Column names in file order.
    public let columnNames: [String]
    public let rowCount: Int
    private let values: [String: [Double]]

    /// A table from named columns of equal length (file order is the array order).
    public init(columns: [(name: String, values: [Double])]) {
        let names = columns.map(\.name)
        precondition(Set(names).count == names.count, "duplicate column names in \(names)")
        let count = columns.first?.values.count ?? 0
        precondition(columns.allSatisfy { $0.values.count == count }, "columns differ in length")
        columnNames = names
        rowCount = count
        values = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.values) })
    }

    /// All values of a column, or nil when the file has no such column.
    public func column(_ name: String) -> [Double]? {
        values[name]
    }

    public func hasColumn(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The value in the last row, the "final" value of a metric.
    public func lastValue(_ name: String) -> Double? {
        values[name]?.last
    }

    /// Iterations per epoch, from the last row's `iteration` / `epoch` ratio; nil when unknown.
    public var iterationsPerEpoch: Double? {
        guard let iteration = lastValue(MetricColumn.iteration), let epoch = lastValue(MetricColumn.epoch),
              iteration > 0, epoch > 0, iteration.isFinite, epoch.isFinite else { return nil }
        return iteration / epoch
    }

    /// Reads and parses a metrics file; a missing or malformed file is an error naming it.
    public static func load(from url: URL) throws -> MetricsTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw BookError(file: url.path, message: "cannot read metrics file",
                            hint: "the run's cache entry is incomplete; delete its folder to train it again")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: url.path)
    }

    /// Parses CSV text: a header line of unique names, then rows of numbers, one per line.
    public static func parse(_ text: String, file: String) throws -> MetricsTable {
        // "\r\n" is one Character in Swift, so both line ends are listed.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        guard let header = lines.first else {
            throw BookError(file: file, line: 1, message: "empty metrics file",
                            hint: "expected a header line such as iteration,epoch,loss_g,...")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var seen = Set<String>()
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw BookError(file: file, line: 1, message: "column \(index + 1) of the header has no name",
                                hint: "every column needs a name")
            }
            if !seen.insert(name).inserted {
                throw BookError(file: file, line: 1, message: "column \"\(name)\" appears twice in the header",
                                hint: "column names must be unique")
            }
        }
        var columns = [[Double]](repeating: [], count: names.count)
        for (offset, line) in lines.dropFirst().enumerated() {
            let lineNumber = offset + 2
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == names.count else {
                throw BookError(file: file, line: lineNumber,
                                message: "row has \(fields.count) values but the header has \(names.count) columns",
                                hint: "every row needs one number per column")
            }
            for (index, field) in fields.enumerated() {
                let trimmed = field.trimmingCharacters(in: .whitespaces)
                // "null" is how JSON-minded writers spell a missing number (a diverged run's NaN point).
                guard let number = trimmed == "null" ? Double.nan : Double(trimmed) else {
                    throw BookError(file: file, line: lineNumber,
                                    message: "column \(index + 1) (\(names[index])): \"\(trimmed)\" is not a number",
                                    hint: "values must be decimal numbers, nan, inf or null")
                }
                columns[index].append(number)
            }
        }
        return MetricsTable(columns: Array(zip(names, columns)).map { (name: $0.0, values: $0.1) })
    }
}
