import Engine
import XCTest
@testable import GAN

/// Training steps in bf16 on each kernel the CPU can run: the tile kernel (on AMX, or emulated in
/// C where the CPU has no tiles) trains the MLP GAN as vdpbf16ps does. Both round the operands to
/// bf16 the same way and sum in fp32, in a different order, so after a few steps the losses agree
/// to summation error, and both differ from fp32's.
final class BF16KernelTrainingTests: XCTestCase {
    private func losses(steps: Int, precision: Precision) throws -> [Float] {
        let config = RunConfig(dataset: .mnist, model: .mlp)
        var rng = RandomGenerator(seed: 7)
        let gan = ModelBuilder.build(config, sampleShape: [1, 28, 28], rng: &rng)
        let step = GANStep(model: gan, config: config, batchSize: 64, rng: rng.split())
        let real = Tensor(shape: [64, 1, 28, 28])
        rng.fillUniform(real, in: 0...1)
        return BLAS.withPrecision(precision) {
            (0..<steps).flatMap { _ -> [Float] in
                let stats = step.run(nextReal: { real })
                return [stats.lossDReal, stats.lossDFake, stats.lossG]
            }
        }
    }

    func testEveryBF16KernelTrainsTheMLPAlike() throws {
        try XCTSkipIf(Precision.bf16.unavailability() != nil, "this CPU has no AVX512-BF16")
        let fp32 = try losses(steps: 4, precision: .fp32)
        let vectors = try BLAS.withBF16Kernel(.vectors) { try losses(steps: 4, precision: .bf16) }
        XCTAssertNotEqual(vectors, fp32)
        for kernel in BF16Kernel.available where kernel != .vectors {
            KernelUsage.reset()
            let onKernel = try BLAS.withBF16Kernel(kernel) { try losses(steps: 4, precision: .bf16) }
            XCTAssertTrue(KernelUsage.kernels.contains(kernel.usage), "\(kernel): \(KernelUsage.kernels)")
            XCTAssertFalse(KernelUsage.kernels.contains(.bf16Product), "\(kernel): \(KernelUsage.kernels)")
            for (index, (a, b)) in zip(onKernel, vectors).enumerated() {
                XCTAssertEqual(a, b, accuracy: 1e-3 * max(1, abs(b)), "\(kernel), loss \(index % 3) of step \(index / 3)")
            }
        }
    }
}
