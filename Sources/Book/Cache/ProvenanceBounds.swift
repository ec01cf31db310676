/// The plausible range of every number of run.json the site shows; a value outside it (1e300
/// seconds, a fractional or negative thread count) means the file is damaged, not a real run.
enum ProvenanceBounds {
    struct Bound {
        let key: String
        let range: ClosedRange<Double>
        let integer: Bool
        let unit: String
    }

    static let bounds = [
        Bound(key: RunProvenanceKey.wallSeconds, range: 0...31_536_000, integer: false, unit: "seconds (one year)"),
        Bound(key: RunProvenanceKey.imagesPerSecond, range: 0...1e10, integer: false, unit: "images per second"),
        Bound(key: RunProvenanceKey.threads, range: 1...4096, integer: true, unit: "threads"),
        Bound(key: "iterations", range: 0...1e12, integer: true, unit: "iterations"),
    ]

    /// Throws a `BookError` naming `file` and the key for the first number out of its range.
    static func check(_ provenance: [String: JSONValue], file: String) throws {
        for bound in bounds {
            guard let value = provenance[bound.key] else { continue }
            guard let number = value.number, number.isFinite, bound.range.contains(number),
                  !bound.integer || number == number.rounded() else {
                throw BookError(file: file, message: "\"\(bound.key)\" is \(value.displayText), not a plausible value",
                                hint: "expected \(bound.integer ? "a whole number" : "a number") from "
                                    + "\(ValueText.plain(bound.range.lowerBound)) to \(ValueText.plain(bound.range.upperBound)) \(bound.unit)")
            }
        }
    }
}
