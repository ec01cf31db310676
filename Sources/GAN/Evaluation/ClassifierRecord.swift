import Foundation

/// The numbers kept beside a classifier's weights: its test accuracy and calibration figures.
struct ClassifierRecord {
    var hash: String
    var testAccuracy: Double
    var calibration: [String: [String: Double]]

    var json: String {
        func number(_ x: Double) -> String { x.isFinite ? String(format: "%.9g", x) : "null" }
        let references = calibration.keys.sorted().map { reference in
            let fields = calibration[reference]!.keys.sorted().map { "\"\($0)\": \(number(calibration[reference]![$0]!))" }
            return "    \"\(reference)\": {" + fields.joined(separator: ", ") + "}"
        }
        return "{\n  \"hash\": \"\(hash)\",\n  \"test_accuracy\": \(number(testAccuracy)),\n  \"calibration\": {\n"
            + references.joined(separator: ",\n") + "\n  }\n}\n"
    }

    static func read(_ url: URL) -> ClassifierRecord? {
        guard let data = try? Data(contentsOf: url),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let hash = object["hash"] as? String, let accuracy = object["test_accuracy"] as? Double,
              let calibration = object["calibration"] as? [String: [String: Any]] else { return nil }
        var figures: [String: [String: Double]] = [:]
        for (reference, values) in calibration {
            figures[reference] = values.compactMapValues { ($0 as? Double) ?? .nan }
        }
        guard Set(figures.keys) == Set(Calibration.references) else { return nil }
        return ClassifierRecord(hash: hash, testAccuracy: accuracy, calibration: figures)
    }
}
