import Foundation
import GAN

/// Where a run's results came from, written to run.json.
struct Provenance {
    var hash: String
    var datasetIdentity: String
    var datasetDigest: String
    var result: TrainingResult

    /// The commit of the ganbook source the executable was built from, when it sits in a git
    /// checkout (as after `swift build`); nil otherwise.
    static let engineCommit: String? = {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
                return git(["-C", folder.path, "rev-parse", "--short=12", "HEAD"])
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

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
