import Foundation
import GAN

/// Small deterministic JSON writer for the files of a cache entry (fixed key order and number format).
enum JSONText {
    static func string(_ value: String) -> String { JSONQuoting.quoted(value) }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }

    /// `{ "key": value, … }` one field per line, in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        if fields.isEmpty { return "{}\n" }
        return "{\n" + fields.map { "  \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }
}
