import Engine

/// A generator and a discriminator built from a run configuration.
public final class GANModel {
    public let generator: Sequential
    public let discriminator: Sequential
    /// Shape of one generated sample: [C, H, W] for images, [2] for points.
    public let sampleShape: [Int]
    /// Samples D judges at once (PacGAN packing); D's batch is `batchSize / pack`.
    public let pack: Int
    public let zDim: Int

    init(generator: Sequential, discriminator: Sequential, sampleShape: [Int], pack: Int, zDim: Int) {
        self.generator = generator
        self.discriminator = discriminator
        self.sampleShape = sampleShape
        self.pack = pack
        self.zDim = zDim
    }

    public var sampleSize: Int { sampleShape.reduce(1, *) }

    /// Shape of D's input for a batch of `batch` samples: packed samples are stacked on the
    /// channel axis (images) or concatenated (vectors).
    public func discriminatorInputShape(batch: Int) -> [Int] {
        precondition(batch % pack == 0, "batch \(batch) is not a multiple of pack \(pack)")
        var shape = sampleShape
        shape[0] *= pack
        return [batch / pack] + shape
    }

    public var parameterCount: (generator: Int, discriminator: Int) {
        (generator.parameters.reduce(0) { $0 + $1.count }, discriminator.parameters.reduce(0) { $0 + $1.count })
    }
}
