import XCTest
@testable import GAN

final class ConfigDecodingTests: XCTestCase {
    private func decode(_ yaml: String) throws -> RunConfig {
        try RunConfig.decode(yaml: yaml, file: "page.md", firstLine: 10)
    }

    func testEmptyYAMLGivesMNISTMLPDefaults() throws {
        let config = try decode("")
        XCTAssertEqual(config, RunConfig())
        XCTAssertEqual(config.dataset, .mnist)
        XCTAssertEqual(config.model, .mlp)
        XCTAssertNil(config.subset)
        XCTAssertNil(config.classes)
        XCTAssertEqual(config.zDim, 100)
        XCTAssertEqual(config.loss, .nonSaturating)
        XCTAssertEqual(config.length, .epochs(20))
        XCTAssertEqual(config.batchSize, 64)
        XCTAssertEqual(config.optimizer, OptimizerConfig(name: .adam, lr: 0.0002, beta1: 0.5, beta2: 0.999, eps: 1e-8))
        XCTAssertEqual(config.dOptimizer, config.optimizer)
        XCTAssertEqual(config.weightInit, .default)
        XCTAssertEqual(config.dSteps, 1)
        XCTAssertEqual(config.labelSmoothing, 1)
        XCTAssertEqual(config.labelFlip, 0)
        XCTAssertEqual(config.instanceNoise, 0)
        XCTAssertEqual(config.pack, 1)
        XCTAssertFalse(config.freezeGenerator)
        XCTAssertEqual(config.seed, 1)
        XCTAssertEqual(config.logEvery, 50)
        XCTAssertEqual(config.snapshots, 10)
    }

    func testCommentsOnlyGivesDefaults() throws {
        XCTAssertEqual(try decode("# nothing yet\n"), RunConfig())
    }

    func testMLPDefaultsMatchTheReferenceNetwork() throws {
        let config = try decode("model: mlp")
        XCTAssertEqual(config.generator.hidden, [256, 512, 1024])
        XCTAssertEqual(config.generator.activation, .leakyReLU)
        XCTAssertTrue(config.generator.batchnorm)
        XCTAssertEqual(config.generator.output, .sigmoid)
        XCTAssertEqual(config.discriminator.hidden, [512, 256])
        XCTAssertFalse(config.discriminator.batchnorm)
        XCTAssertEqual(config.discriminator.dropout, 0)
        XCTAssertEqual(config.discriminator.minibatchDiscrimination, 0)
    }

    func testDCGANDefaultsMatchTheReferenceNetwork() throws {
        let config = try decode("dataset: fashion-mnist\nmodel: dcgan")
        XCTAssertEqual(config.dataset, .fashionMNIST)
        XCTAssertEqual(config.generator.channels, [128, 64])
        XCTAssertEqual(config.generator.kernel, 4)
        XCTAssertEqual(config.generator.activation, .relu)
        XCTAssertTrue(config.generator.batchnorm)
        XCTAssertEqual(config.generator.output, .tanh)
        XCTAssertEqual(config.discriminator.channels, [64, 128])
        XCTAssertEqual(config.discriminator.kernel, 4)
        XCTAssertTrue(config.discriminator.batchnorm)
        XCTAssertEqual(config.zDim, 100)
    }

    func testMixturesDefaultToMLP2D() throws {
        for name in ["ring8", "grid25"] {
            let config = try decode("dataset: \(name)")
            XCTAssertEqual(config.model, .mlp2d)
            XCTAssertEqual(config.zDim, 2)
            XCTAssertEqual(config.generator.hidden, [128, 128])
            XCTAssertEqual(config.generator.activation, .relu)
            XCTAssertFalse(config.generator.batchnorm)
            XCTAssertEqual(config.generator.output, .linear)
            XCTAssertEqual(config.discriminator.hidden, [128, 128])
        }
    }

    func testEveryKeyCanBeSet() throws {
        let config = try decode("""
            dataset: mnist
            classes: [7, 1]
            subset: 1000
            model: mlp
            generator: {hidden: [64, 128], activation: relu, batchnorm: false, output: tanh}
            discriminator:
              hidden: [128]
              batchnorm: true
              dropout: 0.3
              minibatch_discrimination: 5
            z_dim: 2
            loss: minimax
            iterations: 5_000
            batch_size: 32
            optimizer: {name: adam, lr: 1e-3, beta1: 0.9, beta2: 0.99, eps: 1.0e-7}
            d_optimizer: {name: sgd, lr: 0.05, momentum: 0.5}
            init: dcgan
            d_steps: 2
            label_smoothing: 0.9
            label_flip: 0.05
            instance_noise: 0.1
            pack: 2
            freeze_generator: true
            seed: 42
            log_every: 10
            snapshots: 4
            """)
        XCTAssertEqual(config.classes, [1, 7])
        XCTAssertEqual(config.subset, 1000)
        XCTAssertEqual(config.generator, GeneratorConfig(hidden: [64, 128], channels: [], kernel: 4,
                                                         activation: .relu, batchnorm: false, output: .tanh))
        XCTAssertEqual(config.discriminator, DiscriminatorConfig(hidden: [128], channels: [], kernel: 4, batchnorm: true,
                                                                 dropout: 0.3, minibatchDiscrimination: 5))
        XCTAssertEqual(config.zDim, 2)
        XCTAssertEqual(config.loss, .minimax)
        XCTAssertEqual(config.length, .iterations(5000))
        XCTAssertEqual(config.batchSize, 32)
        XCTAssertEqual(config.optimizer, OptimizerConfig(name: .adam, lr: 0.001, beta1: 0.9, beta2: 0.99, eps: 1e-7))
        XCTAssertEqual(config.dOptimizer, OptimizerConfig(name: .sgd, lr: 0.05, momentum: 0.5))
        XCTAssertEqual(config.weightInit, .dcgan)
        XCTAssertEqual(config.dSteps, 2)
        XCTAssertEqual(config.labelSmoothing, 0.9)
        XCTAssertEqual(config.labelFlip, 0.05)
        XCTAssertEqual(config.instanceNoise, 0.1)
        XCTAssertEqual(config.pack, 2)
        XCTAssertTrue(config.freezeGenerator)
        XCTAssertEqual(config.seed, 42)
        XCTAssertEqual(config.logEvery, 10)
        XCTAssertEqual(config.snapshots, 4)
    }

    func testDCGANArchitectureKeys() throws {
        let config = try decode("""
            model: dcgan
            generator: {channels: [256], kernel: 5}
            discriminator: {channels: [32, 64, 128], kernel: 3, batchnorm: false}
            """)
        XCTAssertEqual(config.generator.channels, [256])
        XCTAssertEqual(config.generator.kernel, 5)
        XCTAssertEqual(config.discriminator.channels, [32, 64, 128])
        XCTAssertEqual(config.discriminator.kernel, 3)
        XCTAssertFalse(config.discriminator.batchnorm)
    }

    func testNumbersInEveryNotation() throws {
        for text in ["2e-4", "0.0002", "2.0e-4", "2E-4", "+0.0002"] {
            XCTAssertEqual(try decode("optimizer: {lr: \(text)}").optimizer.lr, 0.0002, text)
        }
        XCTAssertEqual(try decode("label_smoothing: 1").labelSmoothing, 1)
    }

    func testPartialOptimizerKeepsOtherDefaults() throws {
        let config = try decode("optimizer:\n  lr: 0.001\n")
        XCTAssertEqual(config.optimizer, OptimizerConfig(name: .adam, lr: 0.001))
        XCTAssertEqual(config.dOptimizer, config.optimizer, "D uses G's optimizer unless told otherwise")
    }

    func testDOptimizerStartsFromTheGeneratorOptimizer() throws {
        let config = try decode("optimizer: {beta1: 0.9}\nd_optimizer: {lr: 0.0004}")
        XCTAssertEqual(config.dOptimizer, OptimizerConfig(name: .adam, lr: 0.0004, beta1: 0.9))
    }

    func testOptimizerShorthand() throws {
        XCTAssertEqual(try decode("optimizer: sgd").optimizer, .sgdDefault)
        XCTAssertEqual(try decode("optimizer: {name: sgd}").optimizer, OptimizerConfig(name: .sgd, lr: 0.01, momentum: 0))
    }

    func testAllTenClassesMeanNoFilter() throws {
        XCTAssertNil(try decode("classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]").classes)
    }

    func testNullOptionalKeysAreAbsent() throws {
        let config = try decode("subset: ~\nclasses:\nepochs: null\niterations: 300")
        XCTAssertNil(config.subset)
        XCTAssertNil(config.classes)
        XCTAssertEqual(config.length, .iterations(300))
    }

    func testLoadReadsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-config-\(UUID()).yaml").path
        try "dataset: ring8\nseed: 7\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try RunConfig.load(file: path)
        XCTAssertEqual(config.dataset, .ring8)
        XCTAssertEqual(config.seed, 7)
    }

    func testLoadOfAMissingFileIsAnError() {
        XCTAssertThrowsError(try RunConfig.load(file: "/nonexistent/run.yaml")) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.kind, .unreadable)
            XCTAssertEqual(error?.file, "/nonexistent/run.yaml")
        }
    }
}
