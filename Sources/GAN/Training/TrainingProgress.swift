/// A progress report, sent about twice a second and once at the end.
public struct TrainingProgress {
    public var iteration: Int
    public var totalIterations: Int
    public var epoch: Double
    public var iterationsPerSecond: Double
    public var secondsLeft: Double
    public var lossG: Float
    public var lossD: Float
}
