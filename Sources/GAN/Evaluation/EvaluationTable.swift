import Foundation

/// The evaluation at every snapshot, one row each (`evaluation.csv` of a cache entry): the
/// iteration, the number of generated samples measured, and every metric. The last row is the
/// end-of-run evaluation, the numbers of eval.json.
public struct EvaluationTable: Equatable {
    public struct Row: Equatable {
        public var iteration: Int
        public var samples: Int
        public var values: [String: Double]
    }

    public private(set) var rows: [Row] = []

    public init() {}

    public mutating func append(_ row: Row) { rows.append(row) }

    /// Every metric key of any row, sorted.
    public var keys: [String] { Set(rows.flatMap(\.values.keys)).sorted() }

    /// Header `iteration,samples,<keys>`, then a line per row; a value a row lacks is `nan`.
    public var csv: String {
        let keys = self.keys
        var text = ([EvaluationKey.iteration, EvaluationKey.samples] + keys).joined(separator: ",") + "\n"
        for row in rows {
            let values = [Double(row.iteration), Double(row.samples)] + keys.map { row.values[$0] ?? .nan }
            text += values.map(MetricsLog.format).joined(separator: ",") + "\n"
        }
        return text
    }
}
