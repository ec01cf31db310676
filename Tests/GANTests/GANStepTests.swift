import Engine
import XCTest
@testable import GAN

final class GANStepTests: XCTestCase {
    private func config(_ extra: String = "") throws -> RunConfig {
        try RunConfig.decode(yaml: "dataset: ring8\nbatch_size: 16\niterations: 4\n\(extra)", file: "test.yaml")
    }

    private func step(_ config: RunConfig, pairing: Bool, fusing: Bool = true) -> GANStep {
        var rng = RandomGenerator(seed: 3)
        let model = ModelBuilder.build(config, sampleShape: [2], rng: &rng)
        return GANStep(model: model, config: config, batchSize: config.batchSize, rng: rng.split(), pairing: pairing,
                       fusingUpdates: fusing)
    }

    private func realBatches(_ count: Int, batch: Int) -> [Tensor] {
        var rng = RandomGenerator(seed: 8)
        return (0..<count).map { _ in
            let t = Tensor(shape: [batch, 2]); rng.fillNormal(t); return t
        }
    }

    private func assertClose(_ a: [Parameter], _ b: [Parameter], _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        for (p, q) in zip(a, b) {
            let worst = zip(p.value.array, q.value.array).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(worst, 1e-5, "\(label) \(p.name)", file: file, line: line)
        }
    }

    /// D's step on real and generated samples as one batch trains exactly as two passes do
    /// (up to the order of float sums in the weight gradients).
    func testPairedDiscriminatorStepMatchesSeparatePasses() throws {
        for extra in ["", "instance_noise: 0.1\nlabel_flip: 0.2", "pack: 2", "d_steps: 2", "loss: minimax"] {
            let config = try config(extra)
            let paired = step(config, pairing: true), separate = step(config, pairing: false)
            XCTAssertTrue(paired.pairsDiscriminatorBatches)
            let batches = realBatches(12, batch: config.samplesPerStep)
            var nextPaired = 0, nextSeparate = 0
            for iteration in 0..<4 {
                let a = paired.run(nextReal: { defer { nextPaired += 1 }; return batches[nextPaired] },
                                   dSteps: config.dSteps, instanceNoise: Float(config.instanceNoise), detailed: iteration % 2 == 0)
                let b = separate.run(nextReal: { defer { nextSeparate += 1 }; return batches[nextSeparate] },
                                     dSteps: config.dSteps, instanceNoise: Float(config.instanceNoise), detailed: iteration % 2 == 0)
                XCTAssertEqual(a.lossDReal, b.lossDReal, accuracy: 1e-5, extra)
                XCTAssertEqual(a.lossDFake, b.lossDFake, accuracy: 1e-5, extra)
                XCTAssertEqual(a.lossG, b.lossG, accuracy: 1e-5, extra)
                XCTAssertEqual(a.gradNormDLoss, b.gradNormDLoss, accuracy: 1e-5 * max(1, b.gradNormDLoss), extra)
                XCTAssertEqual(a.gradNormG, b.gradNormG, accuracy: 1e-5 * max(1, b.gradNormG), extra)
            }
            assertClose(paired.model.discriminator.parameters, separate.model.discriminator.parameters, "D " + extra)
            assertClose(paired.model.generator.parameters, separate.model.generator.parameters, "G " + extra)
        }
    }

    func testDiscriminatorWithBatchStatisticsIsNotPaired() throws {
        let withNorm = try config("discriminator: {batchnorm: true}")
        XCTAssertFalse(step(withNorm, pairing: false).pairsDiscriminatorBatches)
        var rng = RandomGenerator(seed: 1)
        let model = ModelBuilder.build(withNorm, sampleShape: [2], rng: &rng)
        XCTAssertFalse(GANStep(model: model, config: withNorm, batchSize: 16, rng: rng).pairsDiscriminatorBatches)
        let dropout = try config("discriminator: {dropout: 0.3}")
        let dropoutModel = ModelBuilder.build(dropout, sampleShape: [2], rng: &rng)
        XCTAssertFalse(GANStep(model: dropoutModel, config: dropout, batchSize: 16, rng: rng).pairsDiscriminatorBatches)
    }

    /// Adam applied inside the weight-gradient products trains bit for bit as Adam applied after
    /// them, on one thread and on two, and the gradients it consumes are never written.
    func testUpdatesInsideGradientProductsMatchSeparateUpdates() throws {
        defer { ComputePool.configure(threads: 1) }
        for threads in [1, 2] {
            ComputePool.configure(threads: threads)
            for extra in ["", "d_steps: 2", "loss: minimax", "generator: {hidden: [1100, 40]}",
                          "optimizer: {name: sgd, lr: 0.01}"] {
                let config = try config(extra)
                let fused = step(config, pairing: true), separate = step(config, pairing: true, fusing: false)
                let batches = realBatches(12, batch: config.samplesPerStep)
                var nextFused = 0, nextSeparate = 0
                let weight = try XCTUnwrap(fused.model.generator.parameters.first { $0.name == "dense.weight" })
                for iteration in 0..<4 {
                    let detailed = iteration == 2
                    weight.gradient.fill(.nan)
                    let a = fused.run(nextReal: { defer { nextFused += 1 }; return batches[nextFused] },
                                      dSteps: config.dSteps, detailed: detailed)
                    let b = separate.run(nextReal: { defer { nextSeparate += 1 }; return batches[nextSeparate] },
                                         dSteps: config.dSteps, detailed: detailed)
                    XCTAssertEqual(a.lossDReal, b.lossDReal, "\(extra), \(threads) thread(s)")
                    XCTAssertEqual(a.lossG, b.lossG, "\(extra), \(threads) thread(s)")
                    let written = !weight.gradient.array.contains { $0.isNaN }
                    // Only our AVX-512 kernel applies Adam inside the product; elsewhere the gradient is stored.
                    let consumed = BLAS.useOwnKernels && !detailed && !extra.contains("sgd")
                    XCTAssertEqual(written, !consumed, "G's first weight gradient stored? \(extra), iteration \(iteration)")
                }
                for (p, q) in zip(fused.model.generator.parameters + fused.model.discriminator.parameters,
                                  separate.model.generator.parameters + separate.model.discriminator.parameters) {
                    // Bit for bit with our kernel; OpenBLAS rounds its row and column blocks differently,
                    // so on two threads without it the two orders agree up to rounding.
                    let exact = BLAS.useOwnKernels || threads == 1
                    let differing = zip(p.value.array, q.value.array).filter { (x: Float, y: Float) -> Bool in
                        exact ? x != y : abs(x - y) > 1e-5 * max(1, abs(y))
                    }.count
                    XCTAssertEqual(differing, 0, "\(p.name) \(p.value.shape), \(extra), \(threads) thread(s)")
                }
            }
        }
    }
}
