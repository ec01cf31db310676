/// The measuring instrument's recipe: a small CNN and how it is trained. Its canonical text and
/// the training data's digest name the cached weights, so a change here trains a new classifier.
public struct ClassifierConfig: Equatable, Sendable {
    /// Output channels of the two stride-2 5×5 convolutions (28 → 14 → 7).
    public var channels = [32, 64]
    public var kernel = 5
    /// Width of the penultimate (feature) layer, whose statistics `fcd` compares.
    public var features = 128
    public var epochs = 4
    public var batchSize = 100
    public var learningRate = 0.001
    /// Learning rate of the last epoch (a fresh Adam), which settles the weights.
    public var finalLearningRate = 0.0001
    public var seed: UInt64 = 1
    /// Bumped by hand when training or the network's code changes what the weights are.
    public var version = 1

    public init() {}

    public static let standard = ClassifierConfig()

    /// Sorted keys, plain numbers: hashed with the dataset digest.
    public var canonicalText: String {
        "{\"batch_size\":\(batchSize),\"channels\":[\(channels.map(String.init).joined(separator: ","))],"
            + "\"epochs\":\(epochs),\"features\":\(features),\"final_learning_rate\":\(finalLearningRate),"
            + "\"kernel\":\(kernel),\"learning_rate\":\(learningRate),\"seed\":\(seed),\"version\":\(version)}"
    }

    /// SHA-256 of the recipe and of the training data it learns from.
    public func hash(datasetDigest: String) -> String {
        SHA256.hash(data: Array((canonicalText + "|" + datasetDigest).utf8)).hexString
    }
}
