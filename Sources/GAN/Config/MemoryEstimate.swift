/// A run's peak memory, estimated from its configuration alone (nothing is allocated): the
/// parameters with their gradients and optimizer state, each layer's buffers for a batch
/// (outputs, input gradients, batch-norm statistics, im2col columns for convolutions), the
/// dataset held in memory, and the process's own base. Roughly right (measured peaks of the
/// shipped configurations are within 2× of it), which is enough to refuse a model that cannot fit.
///
/// Sums are in Double: the widest allowed models overflow no Int, but the products on the way
/// need not be checked one by one.
public struct MemoryEstimate: Equatable, Sendable {
    /// Bytes of parameters, gradients and optimizer state.
    public var parameters: Double = 0
    /// Bytes of per-batch buffers.
    public var activations: Double = 0
    /// Bytes of the training data in memory.
    public var data: Double = 0
    /// The process before any model: runtime, libraries, OpenBLAS's buffers.
    public static let base = 40.0 * 1024 * 1024

    public var total: Double { Self.base + parameters + activations + data }

    public init(_ config: RunConfig) {
        let bytesPerFloat = 4.0
        // Value and gradient, plus Adam's two moments or SGD's momentum.
        let copiesPerParameter = config.optimizer.name == .adam || config.dOptimizer.name == .adam ? 4.0 : 3.0
        var layers = LayerTally()
        // G makes `pack` samples for each of D's batch_size decisions (PacGAN).
        let batch = Double(config.batchSize * config.pack)
        switch config.model {
        case .mlp, .mlp2d:
            Self.mlp(config, batch: batch, into: &layers)
        case .dcgan:
            Self.dcgan(config, batch: batch, into: &layers)
        }
        parameters = layers.parameters * copiesPerParameter * bytesPerFloat
        activations = layers.activations * bytesPerFloat
        data = Self.dataBytes(config)
    }

    /// Counts of floats, summed over both networks.
    private struct LayerTally {
        var parameters = 0.0
        var activations = 0.0

        /// A dense layer of `rows` samples: weights and bias; output and input gradient.
        mutating func dense(_ inputs: Double, _ outputs: Double, rows: Double) {
            parameters += inputs * outputs + outputs
            activations += rows * (inputs + outputs)
        }

        /// An elementwise layer (activation, dropout) keeps its output and input gradient; a
        /// batch norm also its normalised input and statistics.
        mutating func elementwise(_ size: Double, rows: Double, buffers: Double = 2) {
            activations += rows * size * buffers
        }

        mutating func batchNorm(features: Double, size: Double, rows: Double) {
            parameters += 2 * features
            activations += rows * size * 4
        }

        /// A convolution as im2col + GEMM: the column matrix (inputs × kernel² per output
        /// position), the output and its batch-last copy, and the input gradient. A layer that
        /// runs by Winograd holds its transformed planes and grid instead (9·4C·L and 9·O·L floats
        /// over L = tiles × N): of the same order as the columns, so the one count stands for both.
        mutating func convolution(inChannels: Double, outChannels: Double, kernel: Double,
                                  inputSize: Double, outputSize: Double, rows: Double, columnPositions: Double) {
            parameters += inChannels * outChannels * kernel * kernel + outChannels
            activations += rows * (inChannels * kernel * kernel * columnPositions)
            activations += rows * (2 * outChannels * outputSize + 2 * inChannels * inputSize)
        }
    }

    private static func mlp(_ config: RunConfig, batch: Double, into tally: inout LayerTally) {
        let sample = Double(config.dataset.isImage ? 28 * 28 : 2)
        var width = Double(config.zDim)
        for hidden in config.generator.hidden.map(Double.init) {
            tally.dense(width, hidden, rows: batch)
            tally.elementwise(hidden, rows: batch)
            if config.generator.batchnorm { tally.batchNorm(features: hidden, size: hidden, rows: batch) }
            width = hidden
        }
        tally.dense(width, sample, rows: batch)
        tally.elementwise(sample, rows: batch)
        // D sees real and generated batches (as one batch of twice the rows when paired).
        let judged = 2 * batch / Double(config.pack)
        width = sample * Double(config.pack)
        for (index, hidden) in config.discriminator.hidden.map(Double.init).enumerated() {
            tally.dense(width, hidden, rows: judged)
            if config.discriminator.batchnorm && index > 0 { tally.batchNorm(features: hidden, size: hidden, rows: judged) }
            tally.elementwise(hidden, rows: judged)
            if config.discriminator.dropout > 0 { tally.elementwise(hidden, rows: judged, buffers: 3) }
            width = hidden
        }
        let kernels = Double(config.discriminator.minibatchDiscrimination)
        if kernels > 0 {
            // A projection to kernels × 5 and the pairwise distances between the batch's rows.
            tally.dense(width, kernels * 5, rows: judged)
            tally.activations += judged * judged * kernels * 2
            width += kernels
        }
        tally.dense(width, 1, rows: judged)
    }

    private static func dcgan(_ config: RunConfig, batch: Double, into tally: inout LayerTally) {
        let g = config.generator, d = config.discriminator
        let stages = g.channels.count
        var side = Double(28 >> stages)
        var channels = Double(g.channels.first ?? 1)
        let kernel = Double(g.kernel)
        tally.dense(Double(config.zDim), channels * side * side, rows: batch)
        if g.batchnorm { tally.batchNorm(features: channels * side * side, size: channels * side * side, rows: batch) }
        tally.elementwise(channels * side * side, rows: batch)
        for index in 0..<stages {
            let out = index == stages - 1 ? 1.0 : Double(g.channels[index + 1])
            let outSide = side * 2
            // A transposed convolution's columns cover its input positions.
            tally.convolution(inChannels: out, outChannels: channels, kernel: kernel, inputSize: outSide * outSide,
                              outputSize: side * side, rows: batch, columnPositions: side * side)
            if index < stages - 1 {
                if g.batchnorm { tally.batchNorm(features: out, size: out * outSide * outSide, rows: batch) }
                tally.elementwise(out * outSide * outSide, rows: batch)
            }
            channels = out
            side = outSide
        }
        tally.elementwise(28 * 28, rows: batch)
        let judged = 2 * batch / Double(config.pack)
        channels = Double(config.pack)
        side = 28
        let padding = d.kernel == 5 ? 2.0 : 1.0
        for (index, out) in d.channels.map(Double.init).enumerated() {
            let outSide = ((side + 2 * padding - Double(d.kernel)) / 2 + 1).rounded(.down)
            tally.convolution(inChannels: channels, outChannels: out, kernel: Double(d.kernel),
                              inputSize: side * side, outputSize: outSide * outSide, rows: judged,
                              columnPositions: outSide * outSide)
            if d.batchnorm && index > 0 { tally.batchNorm(features: out, size: out * outSide * outSide, rows: judged) }
            tally.elementwise(out * outSide * outSide, rows: judged)
            if d.dropout > 0 { tally.elementwise(out * outSide * outSide, rows: judged, buffers: 3) }
            channels = out
            side = outSide
        }
        var width = channels * side * side
        let kernels = Double(d.minibatchDiscrimination)
        if kernels > 0 {
            tally.dense(width, kernels * 5, rows: judged)
            tally.activations += judged * judged * kernels * 2
            width += kernels
        }
        tally.dense(width, 1, rows: judged)
    }

    /// Image data stay as the file's bytes (plus a copy of the examples kept by classes or
    /// subset); mixtures are float pairs.
    private static func dataBytes(_ config: RunConfig) -> Double {
        guard let counts = config.dataset.trainingClassCounts else {
            let points = Double(GaussianMixture.named(config.dataset)?.count ?? 0)
            return points * (2 * 4 + 8)
        }
        let all = Double(counts.reduce(0, +))
        let bytesPerExample = 28.0 * 28 + 8
        let selected = config.classes == nil && config.subset == nil ? 0
            : Double(config.subset ?? (config.classes ?? []).map { counts[$0] }.reduce(0, +))
        return (all + selected) * bytesPerExample
    }
}
