import Engine

/// Builds the generator and discriminator a configuration describes, initialised from `rng`.
enum ModelBuilder {
    static func build(_ config: RunConfig, sampleShape: [Int], rng: inout RandomGenerator) -> GANModel {
        let generator: Sequential
        let discriminator: Sequential
        switch config.model {
        case .mlp, .mlp2d:
            generator = mlpGenerator(config, outputs: sampleShape.reduce(1, *))
            discriminator = mlpDiscriminator(config, inputs: sampleShape.reduce(1, *) * config.pack, rng: &rng)
        case .dcgan:
            generator = DCGANBuilder.generator(config, sampleShape: sampleShape)
            discriminator = DCGANBuilder.discriminator(config, sampleShape: sampleShape, rng: &rng)
        }
        let scheme: Engine.WeightInit = config.weightInit == .dcgan ? .dcgan : .default
        generator.initialize(scheme, rng: &rng)
        discriminator.initialize(scheme, rng: &rng)
        return GANModel(generator: generator, discriminator: discriminator, sampleShape: sampleShape,
                        pack: config.pack, zDim: config.zDim)
    }

    /// z → [Dense → activation → BatchNorm?]… → Dense → output (the reference puts BN after the activation).
    static func mlpGenerator(_ config: RunConfig, outputs: Int) -> Sequential {
        var layers: [Layer] = []
        var width = config.zDim
        for hidden in config.generator.hidden {
            layers.append(Dense(width, hidden))
            layers.append(activation(config.generator.activation))
            if config.generator.batchnorm { layers.append(BatchNorm(features: hidden)) }
            width = hidden
        }
        layers.append(Dense(width, outputs))
        if let out = outputLayer(config.generator.output) { layers.append(out) }
        return Sequential(layers)
    }

    /// x → [Dense → LeakyReLU(0.2) → Dropout?]… → minibatch discrimination? → Dense → one logit.
    static func mlpDiscriminator(_ config: RunConfig, inputs: Int, rng: inout RandomGenerator) -> Sequential {
        var layers: [Layer] = []
        var width = inputs
        for (index, hidden) in config.discriminator.hidden.enumerated() {
            layers.append(Dense(width, hidden))
            if config.discriminator.batchnorm && index > 0 { layers.append(BatchNorm(features: hidden)) }
            layers.append(Engine.Activation.leakyReLU(0.2))
            if config.discriminator.dropout > 0 {
                layers.append(Dropout(Float(config.discriminator.dropout), seed: rng.next()))
            }
            width = hidden
        }
        if config.discriminator.minibatchDiscrimination > 0 {
            let kernels = config.discriminator.minibatchDiscrimination
            layers.append(MinibatchDiscrimination(inFeatures: width, kernels: kernels, kernelDim: 5))
            width += kernels
        }
        layers.append(Dense(width, 1))
        return Sequential(layers)
    }

    static func activation(_ kind: Activation) -> Layer {
        switch kind {
        case .relu: return Engine.Activation.relu()
        case .leakyReLU: return Engine.Activation.leakyReLU(0.2)
        }
    }

    static func outputLayer(_ kind: OutputActivation) -> Layer? {
        switch kind {
        case .sigmoid: return Engine.Activation.sigmoid()
        case .tanh: return Engine.Activation.tanh()
        case .linear: return nil
        }
    }
}
