import GAN

/// Time from this machine's measured speed: a short burst of each run's own model
/// (`RunSpeedProbe`) times the run's iterations; memory from `MemoryEstimate`. Runs whose
/// models train alike (a sweep over seeds) are measured once.
final class MeasuredRunTime: RunTimeEstimating {
    let burstSeconds: Double
    private var measured: [String: Double] = [:]

    init(burstSeconds: Double = 0.2) { self.burstSeconds = burstSeconds }

    var method: String {
        "time measured here: a \(DurationText.format(seconds: burstSeconds)) burst of each run's own model, times its iterations"
    }

    func estimate(_ config: RunConfig, threads: Int) -> RunEstimate {
        let key = "\(MeasuredRunTime.speedKey(config))-\(threads)"
        let perIteration = measured[key] ?? RunSpeedProbe.secondsPerIteration(config, threads: threads, seconds: burstSeconds)
        measured[key] = perIteration
        return RunEstimate(seconds: perIteration * Double(config.plannedIterations),
                           memoryBytes: MemoryEstimate(config).total)
    }

    /// What the speed of a step depends on: the configuration without its seed, length and logging.
    static func speedKey(_ config: RunConfig) -> String {
        var shape = config
        shape.seed = 1
        shape.length = .iterations(1)
        shape.logEvery = 1
        shape.snapshots = 1
        return shape.runHash
    }
}
