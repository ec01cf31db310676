import AllocationCounter
import Engine
import XCTest
@testable import GAN

/// Buffers are planned once: after the first iterations, a training step allocates nothing on
/// the heap, on one thread and on two, for the reference MLP GAN and DCGAN.
///
/// Only optimised builds keep Swift's closures and temporaries off the heap, so the step tests
/// run in a release build of the tests (`.ci/run` does: `swift test -c release -Xswiftc
/// -enable-testing --filter SteadyStateAllocationTests`) and are skipped in debug builds.
final class SteadyStateAllocationTests: XCTestCase {
    override func setUpWithError() throws {
        #if DEBUG
        if name.contains("Step") { throw XCTSkip("allocation counts need an optimised build (swift test -c release -Xswiftc -enable-testing)") }
        #endif
    }

    private func allocations(model: ModelKind, threads: Int, batch: Int, detailed: Bool = false,
                             options: String? = nil) throws -> UInt {
        ComputePool.configure(threads: threads)
        let config = try options.map { try RunConfig.decode(yaml: "dataset: mnist\nmodel: \(model.rawValue)\n\($0)", file: "test.yaml") }
            ?? RunConfig(dataset: .mnist, model: model)
        var rng = RandomGenerator(seed: 0)
        let gan = ModelBuilder.build(config, sampleShape: [1, 28, 28], rng: &rng)
        let step = GANStep(model: gan, config: config, batchSize: batch, rng: rng.split())
        let real = Tensor(shape: [batch, 1, 28, 28])
        rng.fillUniform(real, in: 0...1)
        let next = { real }
        for _ in 0..<3 { _ = step.run(nextReal: next, detailed: detailed) }
        let before = allocation_count()
        for _ in 0..<3 { _ = step.run(nextReal: next, detailed: detailed) }
        return allocation_count() - before
    }

    func testCounterSeesAllocations() {
        let before = allocation_count()
        let array = [Int](repeating: 1, count: Int.random(in: 100...200))
        XCTAssertGreaterThan(allocation_count() - before, 0, "\(array.count)")
    }

    func testMLPStepAllocatesNothing() throws {
        defer { ComputePool.configure(threads: 1) }
        for threads in [1, 2] {
            XCTAssertEqual(try allocations(model: .mlp, threads: threads, batch: 64), 0, "\(threads) thread(s)")
        }
    }

    func testDCGANStepAllocatesNothing() throws {
        defer { ComputePool.configure(threads: 1) }
        for threads in [1, 2] {
            XCTAssertEqual(try allocations(model: .dcgan, threads: threads, batch: 16), 0, "\(threads) thread(s)")
        }
    }

    /// The seed experiments' options: dropout and minibatch discrimination in D, SGD.
    func testStepWithExperimentOptionsAllocatesNothing() throws {
        defer { ComputePool.configure(threads: 1) }
        for options in ["discriminator: {dropout: 0.3}", "discriminator: {minibatch_discrimination: 8}",
                        "optimizer: {name: sgd, lr: 0.01, momentum: 0.5}"] {
            for threads in [1, 2] {
                XCTAssertEqual(try allocations(model: .mlp, threads: threads, batch: 64, options: options), 0,
                               "\(options), \(threads) thread(s)")
            }
        }
    }

    /// bf16 products pack their operands into per-thread scratch that grows once and is reused,
    /// on every bf16 kernel (the emulated tiles on the MLP only: they are slow).
    func testBF16StepsAllocateNothing() throws {
        try XCTSkipIf(Precision.bf16.unavailability() != nil, "this CPU has no AVX512-BF16")
        defer { ComputePool.configure(threads: 1) }
        for kernel in BF16Kernel.available {
            for (model, batch) in [(ModelKind.mlp, 64), (.dcgan, 16)] where kernel != .emulatedTiles || model == .mlp {
                for threads in [1, 2] {
                    let count = try BLAS.withBF16Kernel(kernel) {
                        try BLAS.withPrecision(.bf16) { try allocations(model: model, threads: threads, batch: batch) }
                    }
                    XCTAssertEqual(count, 0, "\(model) in bf16 on \(kernel), \(threads) thread(s)")
                }
            }
        }
    }
}
