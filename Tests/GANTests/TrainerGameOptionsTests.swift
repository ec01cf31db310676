import Engine
import XCTest
@testable import GAN

/// The game's options: each changes what training does, and each test fails with it switched off.
final class TrainerGameOptionsTests: XCTestCase {
    func train(_ extra: String, iterations: Int = 20) throws -> TrainingResult {
        let config = try RunConfig.decode(yaml: """
            dataset: ring8
            iterations: \(iterations)
            batch_size: 32
            log_every: 5
            snapshots: 2
            \(extra)
            """, file: "test.yaml")
        let data = try Dataset.load(for: config, search: DataSearchPath.standard(dataArgument: nil))
        return try Trainer.train(config: config, dataset: data, threads: 1)
    }

    /// D's logits start near 0: cross-entropy reads log 2 per half, least squares ½(0 − 1)² on real
    /// rows, the hinge max(0, 1 − 0) = 1; G's hinge loss −D is near 0 and least squares near ½.
    func testEachLossReachesTheStep() throws {
        let first = { (loss: String) in try XCTUnwrap(self.train("loss: \(loss)").metrics.rows.first).step }
        let crossEntropy = try first("non-saturating")
        XCTAssertEqual(crossEntropy.lossDReal, 0.693, accuracy: 0.15)
        let squares = try first("least-squares")
        XCTAssertEqual(squares.lossDReal, 0.5, accuracy: 0.2)
        XCTAssertEqual(squares.lossDFake, 0, accuracy: 0.2)
        XCTAssertEqual(squares.lossG, 0.5, accuracy: 0.2)
        let hinge = try first("hinge")
        XCTAssertEqual(hinge.lossDReal, 1, accuracy: 0.3)
        XCTAssertEqual(hinge.lossDFake, 1, accuracy: 0.3)
        XCTAssertEqual(hinge.lossG, 0, accuracy: 0.3)
        XCTAssertNotEqual(hinge.lossDReal, crossEntropy.lossDReal)
    }

    func testNewLossesTrainFinitely() throws {
        for loss in ["least-squares", "hinge"] {
            let result = try train("loss: \(loss)\npack: 2", iterations: 60)
            XCTAssertTrue(result.metrics.rows.allSatisfy { [$0.step.lossG, $0.step.lossDReal, $0.step.lossDFake].allSatisfy(\.isFinite) })
        }
    }

    /// Pre-trained, D separates real from untrained-G points before the first game iteration.
    func testPretrainedDiscriminatorStartsAhead() throws {
        let plain = try XCTUnwrap(train("optimizer: {lr: 0.002}").metrics.rows.first).step
        let pretrained = try XCTUnwrap(train("optimizer: {lr: 0.002}\npretrain_d: 200").metrics.rows.first).step
        XCTAssertLessThan(plain.dReal - plain.dFake, 0.2)
        XCTAssertGreaterThan(pretrained.dReal - pretrained.dFake, 0.5)
    }

    /// A frozen G is not updated, yet its loss's gradients are measured on logged rows.
    func testFrozenGeneratorStillMeasuresItsGradients() throws {
        let result = try train("freeze_generator: true")
        XCTAssertEqual(result.snapshots.first?.values, result.snapshots.last?.values, "frozen G never changes")
        for row in result.metrics.rows {
            XCTAssertGreaterThan(row.step.gradNormG, 0, "iteration \(row.iteration)")
            XCTAssertGreaterThan(row.step.gradNormD, 0, "iteration \(row.iteration)")
        }
        // The same numbers as an unfrozen run's at the first iteration (same D, same G so far).
        let free = try XCTUnwrap(train("").metrics.rows.first).step
        let frozen = try XCTUnwrap(result.metrics.rows.first).step
        XCTAssertEqual(frozen.gradNormG, free.gradNormG, accuracy: 1e-9)
        XCTAssertEqual(frozen.gradNormD, free.gradNormD, accuracy: 1e-9)
    }

    /// PacGAN's code: m-packing draws m batches, so D makes batch_size decisions per step.
    func testPackingDrawsOneBatchPerPackMember() throws {
        let result = try train("pack: 4")
        XCTAssertEqual(result.metrics.rows.last?.imagesSeen, 20 * 32 * 4)
        let config = try RunConfig.decode(yaml: "dataset: ring8\nbatch_size: 30\npack: 4", file: "t.yaml")
        var rng = RandomGenerator(seed: 1)
        let step = GANStep(model: ModelBuilder.build(config, sampleShape: [2], rng: &rng), config: config,
                           batchSize: config.batchSize, rng: rng.split())
        XCTAssertEqual(step.samplesPerStep, 120, "a batch size need not be a multiple of the pack any more")
    }
}
