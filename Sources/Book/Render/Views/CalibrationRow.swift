/// One metric of an image run beside what the classifier reads on reference samples: real
/// training images (the floor), real images without class 0, and uniform noise (the ceiling).
public struct CalibrationRow: Equatable, Sendable {
    public var metric: String
    public var run: String
    public var realTrain: String
    public var oneClassRemoved: String
    public var noise: String

    public init(metric: String, run: String, realTrain: String, oneClassRemoved: String, noise: String) {
        self.metric = metric
        self.run = run
        self.realTrain = realTrain
        self.oneClassRemoved = oneClassRemoved
        self.noise = noise
    }
}
