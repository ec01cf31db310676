import Engine

/// The DCGAN of Radford et al. sized for 28×28 images, as in the reference benchmark:
/// G: z → dense c₀·s·s → BN → act → reshape → [convT stride 2 → BN → act]… → convT → output,
/// D: [conv stride 2 → BN (not on the first) → LeakyReLU(0.2) → dropout?]… → flatten → dense → logit.
enum DCGANBuilder {
    /// Padding and output padding that make a stride-2 transposed convolution double the size.
    static func upsamplingPadding(kernel: Int) -> (padding: Int, outputPadding: Int) {
        switch kernel {
        case 3: return (1, 1)
        case 4: return (1, 0)
        case 5: return (2, 1)
        default: preconditionFailure("kernel \(kernel) is not 3, 4 or 5")
        }
    }

    /// Padding for a stride-2 convolution that halves the size (rounding up).
    static func downsamplingPadding(kernel: Int) -> Int { kernel == 5 ? 2 : 1 }

    static func generator(_ config: RunConfig, sampleShape: [Int]) -> Sequential {
        let g = config.generator
        let channels = g.channels
        let side = sampleShape[1] >> channels.count
        precondition(side << channels.count == sampleShape[1], "image side must be divisible by 2^stages")
        let (padding, outputPadding) = upsamplingPadding(kernel: g.kernel)
        var layers: [Layer] = [Dense(config.zDim, channels[0] * side * side)]
        if g.batchnorm { layers.append(BatchNorm(features: channels[0] * side * side)) }
        layers.append(ModelBuilder.activation(g.activation))
        layers.append(Reshape(to: [channels[0], side, side]))
        for (index, inChannels) in channels.enumerated() {
            let last = index == channels.count - 1
            let outChannels = last ? sampleShape[0] : channels[index + 1]
            layers.append(ConvTranspose2D(inChannels: inChannels, outChannels: outChannels, kernel: g.kernel,
                                          stride: 2, padding: padding, outputPadding: outputPadding))
            if !last {
                if g.batchnorm { layers.append(BatchNorm(channels: outChannels)) }
                layers.append(ModelBuilder.activation(g.activation))
            }
        }
        if let out = ModelBuilder.outputLayer(g.output) { layers.append(out) }
        return Sequential(layers)
    }

    static func discriminator(_ config: RunConfig, sampleShape: [Int], rng: inout RandomGenerator) -> Sequential {
        let d = config.discriminator
        let padding = downsamplingPadding(kernel: d.kernel)
        var layers: [Layer] = []
        var channels = sampleShape[0] * config.pack
        var side = sampleShape[1]
        for (index, outChannels) in d.channels.enumerated() {
            layers.append(Conv2D(inChannels: channels, outChannels: outChannels, kernel: d.kernel,
                                 stride: 2, padding: padding))
            if d.batchnorm && index > 0 { layers.append(BatchNorm(channels: outChannels)) }
            layers.append(Engine.Activation.leakyReLU(0.2))
            if d.dropout > 0 { layers.append(Dropout(Float(d.dropout), seed: rng.next())) }
            channels = outChannels
            side = (side + 2 * padding - d.kernel) / 2 + 1
        }
        layers.append(Flatten())
        var width = channels * side * side
        if d.minibatchDiscrimination > 0 {
            layers.append(MinibatchDiscrimination(inFeatures: width, kernels: d.minibatchDiscrimination, kernelDim: 5))
            width += d.minibatchDiscrimination
        }
        layers.append(Dense(width, 1))
        return Sequential(layers)
    }
}
