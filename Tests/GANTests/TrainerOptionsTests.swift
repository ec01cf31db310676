import XCTest
@testable import GAN

/// Every training option of the run configuration reaches the trainer and does what it says.
final class TrainerOptionsTests: XCTestCase {
    func train(_ extra: String, dataset: String = "ring8", iterations: Int = 30) throws -> TrainingResult {
        let config = try RunConfig.decode(yaml: """
            dataset: \(dataset)
            iterations: \(iterations)
            batch_size: 32
            log_every: 10
            snapshots: 2
            \(extra)
            """, file: "test.yaml")
        let search = DataSearchPath.standard(dataArgument: nil)
        let data = try Dataset.load(for: config, search: search)
        return try Trainer.train(config: config, dataset: data, threads: 1)
    }

    func assertFinite(_ result: TrainingResult, file: StaticString = #filePath, line: UInt = #line) {
        for row in result.metrics.rows {
            XCTAssertTrue([row.step.lossG, row.step.lossDReal, row.step.lossDFake].allSatisfy(\.isFinite),
                          "iteration \(row.iteration)", file: file, line: line)
        }
    }

    func testEveryOptionTrains() throws {
        for option in ["init: dcgan", "optimizer: {name: sgd, lr: 0.01, momentum: 0.9}",
                       "d_optimizer: {lr: 0.001}", "discriminator: {dropout: 0.3}",
                       "discriminator: {minibatch_discrimination: 5}", "label_flip: 0.2", "instance_noise: 0.5",
                       "pack: 2", "loss: minimax", "generator: {activation: leaky_relu}"] {
            assertFinite(try train(option))
        }
    }

    func testLabelSmoothingBoundsTheRealLoss() throws {
        // BCE against a target of 0.9 can never fall below the entropy of 0.9 (0.325 nats).
        let result = try train("label_smoothing: 0.9\noptimizer: {lr: 0.005}", iterations: 60)
        XCTAssertTrue(result.metrics.rows.allSatisfy { $0.step.lossDReal >= 0.325 })
    }

    func testDiscriminatorStepsConsumeMoreImages() throws {
        let result = try train("d_steps: 3")
        XCTAssertEqual(result.metrics.rows.last?.imagesSeen, 30 * 32 * 3)
    }

    func testInstanceNoiseChangesTraining() throws {
        let plain = try train("")
        let noisy = try train("instance_noise: 0.5")
        XCTAssertNotEqual(plain.metrics.csv, noisy.metrics.csv)
    }

    func testDCGANAndLatentGridOnAnMNISTSubset() throws {
        guard (try? DataSearchPath.standard(dataArgument: nil).ensureAvailable(.mnist)) != nil else {
            throw XCTSkip("MNIST not found (set GANBOOK_DATA)")
        }
        let dcgan = try train("model: dcgan\nsubset: 256\nclasses: [1, 7]", dataset: "mnist", iterations: 4)
        assertFinite(dcgan)
        XCTAssertEqual(dcgan.finalSnapshot.sampleShape, [1, 28, 28])
        XCTAssertTrue(dcgan.finalSnapshot.values.allSatisfy { $0 >= 0 && $0 <= 1 }, "tanh output shown in [0, 1]")
        let latent = try train("z_dim: 2\nsubset: 256\ngenerator: {hidden: [32]}\ndiscriminator: {hidden: [32]}",
                               dataset: "mnist", iterations: 4)
        XCTAssertEqual(latent.latentGrid?.count, 100)
    }
}
