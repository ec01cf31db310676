import XCTest
import Engine
@testable import GAN

/// The evaluation of an image run, on synthetic 28×28 data and a small untrained classifier
/// (the real instrument needs the real data; what is tested here is the schedule and the keys).
final class ImageEvaluationTests: XCTestCase {
    static func syntheticImages(_ count: Int, seed: UInt64) -> Dataset {
        var rng = RandomGenerator(seed: seed)
        let values = (0..<(count * 784)).map { _ in rng.uniform() }
        return Dataset(name: .mnist, shape: .image(channels: 1, height: 28, width: 28), values: values,
                       labels: (0..<count).map { $0 % 10 }, identity: "synthetic", digest: "synthetic")
    }

    static func smallClassifier() -> Classifier {
        var config = ClassifierConfig.standard
        config.channels = [4, 8]
        config.features = 16
        let classifier = Classifier(config: config, hash: "test")
        var rng = RandomGenerator(seed: 3)
        classifier.body.initialize(.default, rng: &rng)
        classifier.head.initialize(.default, rng: &rng)
        classifier.calibration = Dictionary(uniqueKeysWithValues: Calibration.references.map {
            ($0, [EvaluationKey.fcd: 1.5, EvaluationKey.classesCovered: 10, EvaluationKey.classifierScore: 9,
                  EvaluationKey.classKL: 0.01, EvaluationKey.confident: 0.97])
        })
        classifier.testAccuracy = 0.5
        return classifier
    }

    static func train(zDim: Int = 7) throws -> (RunConfig, TrainingResult) {
        let config = try RunConfig.decode(yaml: """
            dataset: mnist
            z_dim: \(zDim)
            generator: {hidden: [32]}
            discriminator: {hidden: [32]}
            iterations: 20
            batch_size: 16
            log_every: 5
            snapshots: 4
            """, file: "t.yaml")
        let data = syntheticImages(200, seed: 1)
        let suite = EvaluationSuite(dataset: data, classifier: smallClassifier(), testSplit: syntheticImages(300, seed: 2))
        return (config, try Trainer.train(config: config, dataset: data, threads: 1, evaluation: suite))
    }

    func testEverySnapshotIsEvaluatedAndTheLastRowIsTheEnd() throws {
        let (_, result) = try ImageEvaluationTests.train()
        let table = result.evaluationTable
        XCTAssertEqual(table.rows.map(\.iteration), [5, 10, 15, 20])
        XCTAssertEqual(table.rows.map(\.samples), [2_000, 2_000, 2_000, 10_000])
        for key in EvaluationKey.classifierKeys + EvaluationKey.discriminatorKeys {
            let value = try XCTUnwrap(result.evaluation[key], key)
            XCTAssertEqual(value, table.rows.last!.values[key], key)
            XCTAssertTrue(value.isFinite, key)
        }
        XCTAssertNil(result.evaluation[EvaluationKey.modesCovered])
        // The churn: a curve from the second snapshot on, its second-half mean in eval.json.
        XCTAssertTrue(table.rows[0].values[EvaluationKey.latentChurn]!.isNaN)
        let late = table.rows.filter { $0.iteration > 10 }.map { $0.values[EvaluationKey.latentChurn]! }
        XCTAssertEqual(result.evaluation[EvaluationKey.latentChurn]!, late.reduce(0, +) / Double(late.count), accuracy: 1e-12)
        XCTAssertEqual(result.latentFrames.map(\.iteration), [5, 10, 15, 20])
        XCTAssertEqual(Set(result.latentFrames.map(\.count)), [100])
        XCTAssertEqual(result.latentGrid, result.latentFrames.last)
        XCTAssertGreaterThan(result.evaluationSeconds, 0)
    }

    func testEvaluatingChangesNothingOfTraining() throws {
        let (config, evaluated) = try ImageEvaluationTests.train()
        let plain = try Trainer.train(config: config, dataset: ImageEvaluationTests.syntheticImages(200, seed: 1), threads: 1)
        XCTAssertEqual(plain.metrics, evaluated.metrics)
        XCTAssertEqual(plain.snapshots, evaluated.snapshots)
        XCTAssertNil(plain.evaluation[EvaluationKey.fcd], "no classifier, no classifier metrics")
    }
}
