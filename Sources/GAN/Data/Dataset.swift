/// Training examples in memory.
public struct Dataset: Sendable {
    public let name: DatasetName
    /// Shape of one example: 1×28×28 images or 2-D points.
    public let shape: SampleShape
    /// `count × shape.elementCount` floats, example after example (N×C×H×W for images). Image
    /// pixels are scaled to [0, 1].
    public let values: [Float]
    /// One label per example: the class 0-9 for images, the mode index for mixtures.
    public let labels: [Int]
    /// What the run hash records about the data (`DatasetName.identity`).
    public let identity: String
    /// SHA-256 (hex) of the source data: the decompressed training-image file for images (checked
    /// against the canonical digest), the generated float values for mixtures. For provenance.
    public let digest: String

    public init(name: DatasetName, shape: SampleShape, values: [Float], labels: [Int],
                identity: String, digest: String) {
        precondition(values.count == labels.count * shape.elementCount,
                     "\(values.count) values do not make \(labels.count) examples of \(shape.elementCount)")
        self.name = name
        self.shape = shape
        self.values = values
        self.labels = labels
        self.identity = identity
        self.digest = digest
    }

    /// Number of examples.
    public var count: Int { labels.count }
}
