import Engine
import Foundation

/// Times full GAN iterations of a reference model on random data, exactly as the reference
/// scripts do (one D step on a real and a generated batch, then one G step; Adam; BCE on logits).
public struct StepBenchmark {
    public struct Measurement {
        public var model: String
        public var threads: Int
        public var batchSize: Int
        public var iterations: Int
        public var seconds: Double
        /// CPU time the process used while measuring (all threads, spinning included). On a
        /// shared machine, iterations per CPU-second at one thread are steadier than wall time.
        public var cpuSeconds: Double
        /// Floating-point operations of one iteration's matrix products, as this engine runs them.
        public var flopsPerIteration: Double
        public var iterationsPerSecond: Double { Double(iterations) / seconds }
        public var iterationsPerCPUSecond: Double { Double(iterations) / max(cpuSeconds, 1e-9) }
        public var imagesPerSecond: Double { iterationsPerSecond * Double(batchSize) }
        public var gflops: Double { flopsPerIteration * iterationsPerSecond / 1e9 }
    }

    public let model: ModelKind
    public let batchSize: Int

    public init(model: ModelKind, batchSize: Int = 64) {
        self.model = model
        self.batchSize = batchSize
    }

    /// Warms up for 5 iterations, then runs for about `seconds`, or exactly `iterations` when
    /// given (a fixed amount of work, for instruction counts under a profiler).
    /// The steps' products run in `precision` (`BLAS.withPrecision`).
    public func measure(threads: Int, seconds: Double, iterations: Int? = nil, precision: Precision = .fp32) -> Measurement {
        BLAS.withPrecision(precision) { measureSteps(threads: threads, seconds: seconds, iterations: iterations) }
    }

    private func measureSteps(threads: Int, seconds: Double, iterations: Int?) -> Measurement {
        ComputePool.configure(threads: threads)
        let config = RunConfig(dataset: .mnist, model: model)
        var rng = RandomGenerator(seed: 0)
        let gan = ModelBuilder.build(config, sampleShape: [1, 28, 28], rng: &rng)
        let step = GANStep(model: gan, config: config, batchSize: batchSize, rng: rng.split())
        let real = Tensor(shape: [batchSize, 1, 28, 28])
        rng.fillUniform(real, in: 0...1)
        for _ in 0..<5 { _ = step.run(nextReal: { real }) }
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = StepBenchmark.processCPUSeconds()
        var elapsed = 0.0
        repeat {
            _ = step.run(nextReal: { real })
            count += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while iterations.map { count < $0 } ?? (elapsed < seconds)
        return Measurement(model: model.rawValue, threads: threads, batchSize: batchSize, iterations: count,
                           seconds: elapsed, cpuSeconds: StepBenchmark.processCPUSeconds() - cpuStart,
                           flopsPerIteration: Double(flopsPerIteration(gan)))
    }

    /// Products of one iteration: G forward; D forward, parameter backward on real and fake;
    /// D forward, input backward (no parameter gradients) and G parameter backward for G's step.
    func flopsPerIteration(_ gan: GANModel) -> Int {
        let zShape = [batchSize, gan.zDim]
        let dShape = gan.discriminatorInputShape(batch: batchSize)
        let g = gan.generator.forwardFLOPs(inputShape: zShape)
        let d = gan.discriminator.forwardFLOPs(inputShape: dShape)
        let dStep = 2 * (d + gan.discriminator.backwardFLOPs(inputShape: dShape, needs: .parametersOnly))
        let gStep = d + gan.discriminator.backwardFLOPs(inputShape: dShape, needs: .inputOnly)
            + gan.generator.backwardFLOPs(inputShape: zShape, needs: .parametersOnly)
        return g + dStep + gStep
    }

    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
