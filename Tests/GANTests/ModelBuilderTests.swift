import XCTest
import Engine
@testable import GAN

final class ModelBuilderTests: XCTestCase {
    func build(_ yaml: String) throws -> GANModel {
        let config = try RunConfig.decode(yaml: yaml, file: "t.yaml")
        var rng = RandomGenerator(seed: 1)
        let shape = config.dataset.isImage ? [1, 28, 28] : [2]
        return ModelBuilder.build(config, sampleShape: shape, rng: &rng)
    }

    func testReferenceMLPHasThePeerParameterCount() throws {
        let model = try build("model: mlp")
        // G 100-256-512-1024-784 with three BatchNorms, D 784-512-256-1 (peer_torch.py).
        let g = 100 * 256 + 256 + 256 * 512 + 512 + 512 * 1024 + 1024 + 1024 * 784 + 784 + 2 * (256 + 512 + 1024)
        let d = 784 * 512 + 512 + 512 * 256 + 256 + 256 + 1
        XCTAssertEqual(model.parameterCount.generator, g)
        XCTAssertEqual(model.parameterCount.discriminator, d)
    }

    func testReferenceDCGANShapesAndParameters() throws {
        let model = try build("model: dcgan")
        XCTAssertEqual(model.generator.outputShape(inputShape: [64, 100]), [64, 1, 28, 28])
        XCTAssertEqual(model.discriminator.outputShape(inputShape: [64, 1, 28, 28]), [64, 1])
        let g = 100 * 6272 + 6272 + 2 * 6272 + 128 * 64 * 16 + 64 + 2 * 64 + 64 * 1 * 16 + 1
        let d = 1 * 64 * 16 + 64 + 64 * 128 * 16 + 128 + 2 * 128 + 6272 + 1
        XCTAssertEqual(model.parameterCount.generator, g)
        XCTAssertEqual(model.parameterCount.discriminator, d)
    }

    func testDCGANKernelsThreeAndFiveKeepTheImageSize() throws {
        for kernel in [3, 5] {
            let model = try build("model: dcgan\ngenerator: {kernel: \(kernel)}\ndiscriminator: {kernel: \(kernel)}")
            XCTAssertEqual(model.generator.outputShape(inputShape: [2, 100]), [2, 1, 28, 28], "kernel \(kernel)")
            XCTAssertEqual(model.discriminator.outputShape(inputShape: [2, 1, 28, 28]), [2, 1], "kernel \(kernel)")
        }
    }

    func testPackingAndMinibatchDiscriminationWidenD() throws {
        let packed = try build("model: mlp\npack: 2")
        XCTAssertEqual(packed.discriminatorInputShape(batch: 64), [32, 2, 28, 28])
        XCTAssertEqual(packed.discriminator.outputShape(inputShape: [32, 2, 28, 28]), [32, 1])
        let mbd = try build("model: mlp\ndiscriminator: {minibatch_discrimination: 10}")
        XCTAssertEqual(mbd.discriminator.outputShape(inputShape: [8, 1, 28, 28]), [8, 1])
        let dcgan = try build("model: dcgan\ndiscriminator: {minibatch_discrimination: 4, dropout: 0.3}")
        XCTAssertEqual(dcgan.discriminator.outputShape(inputShape: [8, 1, 28, 28]), [8, 1])
    }
}
