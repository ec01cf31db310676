import Engine
import Foundation

/// How fast a run's own model trains on this machine: a short burst of full iterations (D steps
/// and a G step, as `Trainer` runs them) on random data of the run's sample shape. The data's
/// values do not change the work of a step, so no dataset is read.
public enum RunSpeedProbe {
    /// Seconds one iteration takes, measured for about `seconds` (after one warm-up iteration
    /// that plans the buffers), at most `maxIterations` iterations, in the run's precision (in
    /// fp32 on a CPU that cannot run it: such a run is refused before training anyway).
    public static func secondsPerIteration(_ config: RunConfig, threads: Int, seconds: Double = 0.2,
                                           maxIterations: Int = 500) -> Double {
        let precision = config.precision.unavailability() == nil ? config.precision : .fp32
        return BLAS.withPrecision(precision) {
            measure(config, threads: threads, seconds: seconds, maxIterations: maxIterations)
        }
    }

    private static func measure(_ config: RunConfig, threads: Int, seconds: Double, maxIterations: Int) -> Double {
        ComputePool.configure(threads: threads)
        let shape = config.dataset.isImage ? [1, 28, 28] : [2]
        var rng = RandomGenerator(seed: UInt64(config.seed))
        let gan = ModelBuilder.build(config, sampleShape: shape, rng: &rng)
        let step = GANStep(model: gan, config: config, batchSize: config.batchSize, rng: rng.split())
        let real = Tensor(shape: [config.samplesPerStep] + shape)
        rng.fillUniform(real, in: 0...1)
        _ = step.run(nextReal: { real }, dSteps: config.dSteps)
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            _ = step.run(nextReal: { real }, dSteps: config.dSteps)
            count += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds && count < maxIterations
        return elapsed / Double(count)
    }
}
