import Engine

/// What the classifier's metrics read on reference samples, so a run's figures can be judged:
/// real training images against the test set (the floor: what a perfect generator would
/// score), real images with class 0 left out (a generator that drops one mode), and uniform
/// noise (the ceiling). Each on `samples` images.
public enum Calibration {
    public static let realTrain = "real_train"
    public static let oneClassRemoved = "one_class_removed"
    public static let noise = "noise"
    public static let references = [realTrain, oneClassRemoved, noise]
    /// The metrics kept for each reference (run.json `calibration_<reference>_<key>`).
    public static let measuredKeys = [EvaluationKey.fcd, EvaluationKey.classesCovered, EvaluationKey.classifierScore,
                                      EvaluationKey.classKL, EvaluationKey.confident]
    public static let samples = 10_000

    static func measure(_ classifier: Classifier, train: Dataset, test: Dataset) -> [String: [String: Double]] {
        let metrics = ClassifierMetrics(classifier: classifier)
        let real = EvaluationSuite.snapshot(of: test, indices: Array(0..<test.count))
        var rng = RandomGenerator(seed: 0xCA11_B2A7)
        let order = rng.permutation(train.count)
        let count = min(samples, train.count)
        let withoutZero = order.filter { train.labels[$0] != 0 }
        var noiseValues = [Float](repeating: 0, count: count * train.sampleSize)
        for i in noiseValues.indices { noiseValues[i] = rng.uniform() }
        let references: [String: Snapshot] = [
            realTrain: EvaluationSuite.snapshot(of: train, indices: Array(order.prefix(count))),
            oneClassRemoved: EvaluationSuite.snapshot(of: train, indices: Array(withoutZero.prefix(count))),
            noise: Snapshot(iteration: 0, count: count, sampleShape: train.sampleShape, values: noiseValues),
        ]
        return references.mapValues { metrics.measure(generated: $0, real: real) }
    }
}
