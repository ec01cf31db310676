import Engine
import XCTest
@testable import GAN

/// GAN Lab's views, measured at every snapshot of a 2-D run.
final class PlaneViewTests: XCTestCase {
    func train(_ extra: String) throws -> (RunConfig, TrainingResult) {
        let config = try RunConfig.decode(yaml: "dataset: ring8\niterations: 30\nbatch_size: 32\nsnapshots: 3\n\(extra)",
                                          file: "t.yaml")
        let data = try Dataset.load(for: config, search: DataSearchPath.standard(dataArgument: nil))
        return (config, try Trainer.train(config: config, dataset: data, threads: 1))
    }

    func testEverySnapshotHasItsViews() throws {
        let (_, result) = try train("")
        XCTAssertEqual(result.planeViews.map(\.iteration), result.snapshots.map(\.iteration))
        for view in result.planeViews {
            XCTAssertEqual(view.surface.count, PlaneViewDetail.full.surfaceSide * PlaneViewDetail.full.surfaceSide)
            XCTAssertTrue(view.surface.allSatisfy { $0 >= 0 && $0 <= 1 })
            XCTAssertEqual(view.arrows.count, 2 * PlaneViewDetail.full.arrowSamples)
            XCTAssertEqual(view.manifold.count, 2 * PlaneViewDetail.full.manifoldSide * PlaneViewDetail.full.manifoldSide)
            XCTAssertEqual(view.extent, PlaneFrame.extent(of: .ring8))
        }
        XCTAssertNotEqual(result.planeViews.first?.surface, result.planeViews.last?.surface, "D learns")
        // The arrows start at the snapshot's own first points (the same fixed noise).
        let last = try XCTUnwrap(result.planeViews.last)
        for i in 0..<last.arrowOrigins.count {
            XCTAssertEqual(last.arrowOrigins[i], result.finalSnapshot.values[i], accuracy: 1e-5)
        }
    }

    func testManifoldOnlyForATwoDimensionalLatentSpace() throws {
        let (_, result) = try train("z_dim: 3\npack: 2")
        XCTAssertTrue(result.planeViews.allSatisfy { $0.manifold.isEmpty && $0.manifoldSide == 0 })
        XCTAssertFalse(result.planeViews.isEmpty)
    }

    /// An arrow is −∂L_G/∂x of its sample: checked against finite differences of G's loss as a
    /// function of the one point.
    func testArrowsAreTheNegatedGradientOfTheGeneratorLoss() throws {
        for lossName in ["non-saturating", "least-squares"] {
            let config = try RunConfig.decode(yaml: "dataset: ring8\nloss: \(lossName)", file: "t.yaml")
            var rng = RandomGenerator(seed: 4)
            let model = ModelBuilder.build(config, sampleShape: [2], rng: &rng)
            let noise = Tensor(shape: [8, 2])
            rng.fillNormal(noise)
            let loss = GANStep.loss(config.loss)
            let (origins, arrows) = PlaneViewProbe.gradients(model, loss, noise)
            XCTAssertEqual(origins.count, 16)
            func lossAt(_ x: Float, _ y: Float) -> Double {
                let input = Tensor(shape: [1, 2], values: [x, y])
                let logits = model.discriminator.forward(input, training: false)
                return Double(loss.generatorLoss(logits: logits, gradient: Tensor(shape: logits.shape)))
            }
            // D is piecewise linear between many leaky-ReLU kinks: a small step stays on one piece.
            let h: Float = 2e-4
            for point in 0..<3 {
                let x = origins[2 * point], y = origins[2 * point + 1]
                let dx = (lossAt(x + h, y) - lossAt(x - h, y)) / Double(2 * h)
                let dy = (lossAt(x, y + h) - lossAt(x, y - h)) / Double(2 * h)
                XCTAssertEqual(Double(arrows[2 * point]), -dx, accuracy: 5e-4 + 0.05 * abs(dx), lossName)
                XCTAssertEqual(Double(arrows[2 * point + 1]), -dy, accuracy: 5e-4 + 0.05 * abs(dy), lossName)
            }
        }
    }

    /// D's surface is σ(D) at the cell centres, row 0 at the top of the frame.
    func testSurfaceIsTheDiscriminatorOnTheGrid() throws {
        let config = try RunConfig.decode(yaml: "dataset: ring8", file: "t.yaml")
        var rng = RandomGenerator(seed: 5)
        let model = ModelBuilder.build(config, sampleShape: [2], rng: &rng)
        let surface = PlaneViewProbe.surface(model, extent: 3)
        let side = PlaneViewDetail.full.surfaceSide
        let cell = 6.0 / Double(side)
        // Top-left cell centre.
        let corner = model.discriminator.forward(Tensor(shape: [1, 2], values: [Float(-3 + cell / 2), Float(3 - cell / 2)]),
                                                 training: false)
        XCTAssertEqual(surface[0], BinaryCrossEntropyWithLogits.sigmoid(corner.data[0]), accuracy: 1e-6)
    }
}
