import Engine
import Foundation

/// How long a run would train on this machine: its own model timed for a moment on random data
/// (the engine's measured speed, not a table), times its iteration count. Evaluation and
/// snapshots are not included, so it is a lower bound for short runs.
public enum RunTimeEstimate {
    /// Seconds per iteration of `config` at `threads`, after a short warm-up, timed for about `seconds`.
    public static func secondsPerIteration(_ config: RunConfig, threads: Int, seconds: Double = 0.25) -> Double {
        ComputePool.configure(threads: threads)
        let shape = config.dataset.isImage ? [1, 28, 28] : [2]
        var rng = RandomGenerator(seed: 0)
        let gan = ModelBuilder.build(config, sampleShape: shape, rng: &rng)
        let step = GANStep(model: gan, config: config, batchSize: config.batchSize, rng: rng.split())
        let real = Tensor(shape: [config.batchSize] + shape)
        rng.fillUniform(real, in: 0...1)
        for _ in 0..<2 { _ = step.run(nextReal: { real }, dSteps: config.dSteps) }
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            _ = step.run(nextReal: { real }, dSteps: config.dSteps)
            count += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        return elapsed / Double(count)
    }

    /// The generator steps the run will take (epochs converted with the training-set size).
    public static func iterations(_ config: RunConfig) -> Int {
        let examples: Int
        if let subset = config.subset {
            examples = subset
        } else if let counts = config.dataset.trainingClassCounts {
            examples = config.classes.map { $0.reduce(0) { $0 + counts[$1] } } ?? counts.reduce(0, +)
        } else {
            examples = 50_000
        }
        return Trainer.totalIterations(config, batchesPerEpoch: max(1, examples / config.batchSize))
    }
}
