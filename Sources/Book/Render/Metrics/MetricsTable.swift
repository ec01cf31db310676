import Foundation
import GAN

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

    /// More rows than any run logs (the configuration allows 100,000): a larger file is damage,
    /// refused before its numbers are all read.
    static let maximumRows = 1_000_000

    /// Parses CSV text: a header line of unique names, then rows of numbers, one per line.
    /// One pass over the UTF-8 bytes, so a run's largest file reads in a fraction of a second.
    public static func parse(_ text: String, file: String) throws -> MetricsTable {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, file: file) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> MetricsTable {
        let lines = Self.lines(bytes)
        guard let header = lines.first else {
            throw BookError(file: file, line: 1, message: "empty metrics file",
                            hint: "expected a header line such as iteration,epoch,loss_g,...")
        }
        let names = fields(header, in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
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
        if lines.count - 1 > maximumRows {
            throw BookError(file: file, line: maximumRows + 2, message: "more than \(maximumRows) rows, far more than a run logs",
                            hint: "a run logs at most \(RunConfig.maximumLoggedRows) rows")
        }
        var columns = [[Double]](repeating: [], count: names.count)
        for index in columns.indices { columns[index].reserveCapacity(lines.count - 1) }
        // Plain index loops: in a debug build, tuples and slices cost a metadata lookup each.
        for lineIndex in 1..<lines.count {
            let lineNumber = lineIndex + 1
            let fields = fields(lines[lineIndex], in: bytes)
            guard fields.count == names.count else {
                throw BookError(file: file, line: lineNumber,
                                message: "row has \(fields.count) values but the header has \(names.count) columns",
                                hint: "every row needs one number per column")
            }
            for index in 0..<fields.count {
                let field = fields[index]
                // "null" is how JSON-minded writers spell a missing number (a diverged run's NaN point).
                guard let number = Self.number(field, in: bytes) else {
                    let trimmed = String(decoding: bytes[field].prefix(100), as: UTF8.self)
                    throw BookError(file: file, line: lineNumber,
                                    message: "column \(index + 1) (\(names[index])): \"\(trimmed)\" is not a number",
                                    hint: "values must be decimal numbers, nan, inf or null")
                }
                columns[index].append(number)
            }
        }
        return MetricsTable(columns: Array(zip(names, columns)).map { (name: $0.0, values: $0.1) })
    }

    /// Byte ranges of the lines, without their `\n` or `\r\n` ends; trailing blank lines dropped.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            let end = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
            lines.append(start..<end)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        while let last = lines.last, trimmed(last, in: bytes).isEmpty { lines.removeLast() }
        return lines
    }

    /// Byte ranges of a line's comma-separated fields, spaces and tabs trimmed.
    private static func fields(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        for index in line.lowerBound..<line.upperBound where bytes[index] == UInt8(ascii: ",") {
            fields.append(trimmed(start..<index, in: bytes))
            start = index + 1
        }
        fields.append(trimmed(start..<line.upperBound, in: bytes))
        return fields
    }

    private static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var (low, high) = (range.lowerBound, range.upperBound)
        while low < high, isBlank(bytes[low]) { low += 1 }
        while high > low, isBlank(bytes[high - 1]) { high -= 1 }
        return low..<high
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// A field as a number: what `strtod` reads whole (decimals, nan, inf), or NaN for `null`.
    private static func number(_ field: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = field.upperBound - field.lowerBound
        // Numbers are short; anything long is not one (and is not copied whole).
        guard count > 0, count <= 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer -> Double? in
            for offset in 0..<count {
                let byte = bytes[field.lowerBound + offset]
                // A NUL inside the field would end the C string early: not a number.
                guard byte != 0 else { return nil }
                buffer[offset] = CChar(bitPattern: byte)
            }
            buffer[count] = 0
            let start = buffer.baseAddress!
            if count == 4, strcmp(start, "null") == 0 { return .nan }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            return end == start + count ? value : nil
        }
    }
}
