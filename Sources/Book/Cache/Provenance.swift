import Foundation
import GAN

/// Where a run's results came from, written to run.json.
struct Provenance {
    var hash: String
    var datasetIdentity: String
    var datasetDigest: String
    var result: TrainingResult

    /// The commit of the ganbook source the executable was built from, recorded at build time
    /// (`+changes` when its sources differed from it); nil when built outside a git checkout.
    static let engineCommit: String? = SourceCommit.value

    /// `{"a": "…", "b": "…"}` on one line, keys sorted.
    static func inlineObject(_ members: [String: String]) -> String {
        "{" + members.keys.sorted().map { "\(JSONText.string($0)): \(JSONText.string(members[$0]!))" }
            .joined(separator: ", ") + "}"
    }

    var json: String {
        var fields: [(String, String)] = [
            ("dataset_identity", JSONText.string(datasetIdentity)),
            ("dataset_sha256", JSONText.string(datasetDigest)),
            // The products' kernels as they ran (older entries said "OpenBLAS <core>" whatever ran).
            ("engine", JSONText.string(result.kernels.products)),
            ("kernels", Provenance.inlineObject(result.kernels.kernels)),
            ("precision", JSONText.string(result.kernels.precision.rawValue)),
            ("cpu", JSONText.string(result.kernels.cpu)),
            ("cpu_extensions", "[" + result.kernels.extensions.map(JSONText.string).joined(separator: ", ") + "]"),
            ("ganbook_version", JSONText.string(Ganbook.version)),
            ("hash", JSONText.string(hash)),
            ("images_per_second", JSONText.number(result.imagesPerSecond.rounded())),
            ("iterations", JSONText.number(Double(result.iterations))),
            ("threads", JSONText.number(Double(result.threads))),
            ("wall_seconds", JSONText.number((result.wallSeconds * 10).rounded() / 10)),
        ]
        if let commit = Provenance.engineCommit { fields.append(("git_commit", JSONText.string(commit))) }
        fields.append(("evaluation_seconds", JSONText.number((result.evaluationSeconds * 10).rounded() / 10)))
        if let classifier = result.classifier {
            fields.append(("classifier_hash", JSONText.string(classifier.hash)))
            fields.append(("classifier_test_accuracy", JSONText.number(classifier.testAccuracy)))
            for (reference, values) in classifier.calibration {
                for (key, value) in values where !key.hasPrefix("class_hist") {
                    fields.append(("calibration_\(reference)_\(key)", JSONText.number(value)))
                }
            }
        }
        return JSONText.object(fields.sorted { $0.0 < $1.0 })
    }
}
