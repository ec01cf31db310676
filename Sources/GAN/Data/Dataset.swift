/// Training examples in memory.
public struct Dataset: Sendable {
    public let name: DatasetName
    /// Shape of one example: 1×28×28 images or 2-D points.
    public let shape: SampleShape
    /// `count × shape.elementCount` values, example after example (N×C×H×W for images): image
    /// pixels as bytes (scaled to [0, 1] when read), points as floats.
    public let storage: ExampleStorage
    /// One label per example: the class 0-9 for images, the mode index for mixtures.
    public let labels: [Int]
    /// What the run hash records about the data (`DatasetName.identity`).
    public let identity: String
    /// SHA-256 (hex) of the source data: the decompressed training-image file for images (checked
    /// against the canonical digest), the generated float values for mixtures. For provenance.
    public let digest: String
    /// The mixture the points were drawn from; nil for image datasets.
    public let mixture: GaussianMixture?

    public init(name: DatasetName, shape: SampleShape, storage: ExampleStorage, labels: [Int],
                identity: String, digest: String, mixture: GaussianMixture? = nil) {
        precondition(storage.count == labels.count * shape.elementCount,
                     "\(storage.count) values do not make \(labels.count) examples of \(shape.elementCount)")
        self.name = name
        self.shape = shape
        self.storage = storage
        self.labels = labels
        self.identity = identity
        self.digest = digest
        self.mixture = mixture
    }

    public init(name: DatasetName, shape: SampleShape, values: [Float], labels: [Int],
                identity: String, digest: String, mixture: GaussianMixture? = nil) {
        self.init(name: name, shape: shape, storage: .floats(values), labels: labels, identity: identity, digest: digest,
                  mixture: mixture)
    }

    /// Number of examples.
    public var count: Int { labels.count }

    /// Example `index`'s values (pixels in [0, 1]).
    public func example(_ index: Int) -> [Float] {
        let size = shape.elementCount
        return [Float](unsafeUninitializedCapacity: size) { buffer, initialized in
            storage.write(from: index * size, count: size, to: buffer.baseAddress!)
            initialized = size
        }
    }

    /// Every example's values, `count × elementCount` floats (a new array: 188 MB for MNIST).
    public func allValues() -> [Float] {
        let total = storage.count
        return [Float](unsafeUninitializedCapacity: total) { buffer, initialized in
            if total > 0 { storage.write(from: 0, count: total, to: buffer.baseAddress!) }
            initialized = total
        }
    }

    /// Writes example `index`'s values · scale + shift to `target` (`shape.elementCount` floats).
    func write(example index: Int, to target: UnsafeMutablePointer<Float>, scale: Float, shift: Float) {
        let size = shape.elementCount
        storage.write(from: index * size, count: size, to: target, scale: scale, shift: shift)
    }
}
