import XCTest
import Engine
@testable import Book
@testable import GAN

/// An image run's entry in results format 2: the evaluation table, a latent grid per snapshot
/// and the classifier's provenance are written, verified and rendered.
final class ImageEntryTests: XCTestCase {
    private func imageRun() throws -> (RunConfig, TrainingResult) {
        let config = try RunConfig.decode(yaml: """
            dataset: mnist
            z_dim: 2
            generator: {hidden: [32]}
            discriminator: {hidden: [32]}
            iterations: 12
            batch_size: 16
            log_every: 4
            snapshots: 3
            """, file: "t.yaml")
        var rng = RandomGenerator(seed: 1)
        func images(_ count: Int) -> Dataset {
            Dataset(name: .mnist, shape: .image(channels: 1, height: 28, width: 28),
                    values: (0..<(count * 784)).map { _ in rng.uniform() }, labels: (0..<count).map { $0 % 10 },
                    identity: "synthetic", digest: "synthetic")
        }
        var classifierConfig = ClassifierConfig.standard
        classifierConfig.channels = [4, 8]
        classifierConfig.features = 16
        let classifier = Classifier(config: classifierConfig, hash: "c0ffee")
        var init_ = RandomGenerator(seed: 2)
        classifier.body.initialize(.default, rng: &init_)
        classifier.head.initialize(.default, rng: &init_)
        classifier.testAccuracy = 0.99
        classifier.calibration = Dictionary(uniqueKeysWithValues: Calibration.references.enumerated().map { index, name in
            (name, [EvaluationKey.fcd: Double(index) * 10, EvaluationKey.classesCovered: 10, EvaluationKey.classifierScore: 9,
                    EvaluationKey.classKL: 0.01, EvaluationKey.confident: 0.9])
        })
        let data = images(100)
        let suite = EvaluationSuite(dataset: data, classifier: classifier, testSplit: images(100))
        return (config, try Trainer.train(config: config, dataset: data, threads: 1, evaluation: suite))
    }

    func testTheEntryHoldsTheEvaluationAndVerifiesAndRenders() throws {
        let (config, result) = try imageRun()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-image-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(config.runHash)
        let files = RunFiles.make(config: config, result: result, provenance: Provenance(
            hash: config.runHash, datasetIdentity: config.datasetIdentity, datasetDigest: "synthetic", result: result))
        for (name, data) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for iteration in [4, 8, 12] {
            XCTAssertNotNil(files["samples/latent-\(iteration).png"], "latent grid at \(iteration)")
        }
        XCTAssertNotNil(files["samples/latent-evolution.png"])
        let csv = String(decoding: try XCTUnwrap(files["evaluation.csv"]), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("iteration,samples,"), csv)
        XCTAssertEqual(csv.split(separator: "\n").count, 4, "a header and a row per snapshot")
        let run = String(decoding: try XCTUnwrap(files["run.json"]), as: UTF8.self)
        for key in ["classifier_hash", "classifier_test_accuracy", "calibration_noise_fcd", "evaluation_seconds"] {
            XCTAssertTrue(run.contains("\"\(key)\""), key)
        }

        let entry = try EntryVerifier(folder: folder, hash: config.runHash, depth: .full).verify()
        XCTAssertEqual(entry.latentIterations, [4, 8, 12])
        let view = try ExperimentViewBuilder().build(runID: "r", caption: nil, entry: entry)
        XCTAssertEqual(view.latentFrames.map(\.iteration), [4, 8, 12])
        XCTAssertTrue(view.evaluationCharts.contains { $0.title.contains("fcd") })
        XCTAssertEqual(view.calibration.first?.metric, "fcd")
        XCTAssertEqual(view.calibration.first?.noise, "20")
        XCTAssertTrue(view.evalMetrics.contains { $0.name.hasPrefix("class_hist") })

        // An entry without its evaluation table is incomplete.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("evaluation.csv"))
        XCTAssertThrowsError(try EntryVerifier(folder: folder, hash: config.runHash, depth: .quick).verify()) {
            XCTAssertTrue("\($0)".contains("evaluation.csv"), "\($0)")
        }
    }

    func testEvaluationCurvesAreComparable() throws {
        XCTAssertTrue(SitePlanner.compareMetrics.contains(EvaluationKey.fcd))
        XCTAssertTrue(SitePlanner.compareMetrics.contains(EvaluationKey.modesCovered))
        XCTAssertTrue(SitePlanner.tableColumns.contains(EvaluationKey.classifierScore))
        XCTAssertFalse(SitePlanner.tableColumns.contains("diversity"))
    }
}
