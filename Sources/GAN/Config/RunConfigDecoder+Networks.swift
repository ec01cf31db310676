/// `generator:` and `discriminator:`, whose allowed keys depend on the model.
extension RunConfigDecoder {
    func decodeGenerator(for model: ModelKind) throws -> GeneratorConfig {
        var generator = GeneratorConfig.defaults(for: model)
        guard let value = root.optional("generator") else { return generator }
        let section = try ConfigMapping(value, allowed: GeneratorConfig.keys(for: model), problems: problems) { key in
            Self.explainModelKey(key, section: "generator", model: model, keys: GeneratorConfig.keys)
        }
        if let hidden = section["hidden"] {
            generator.hidden = problems.attempt { try layerWidths(hidden) } ?? generator.hidden
        }
        if let channels = section["channels"] {
            generator.channels = problems.attempt {
                try channelList(channels, stages: 1...2, why: "28×28 images allow one or two upsampling stages (28 = 7·2²)")
            } ?? generator.channels
        }
        if let kernel = section["kernel"] {
            generator.kernel = problems.attempt { try kernelSize(kernel) } ?? generator.kernel
        }
        if let activation = section["activation"] {
            generator.activation = problems.attempt { try activation.choice(Activation.self) } ?? generator.activation
        }
        if let batchnorm = section["batchnorm"] {
            generator.batchnorm = problems.attempt { try batchnorm.bool() } ?? generator.batchnorm
        }
        if let output = section["output"] {
            generator.output = problems.attempt { () throws -> OutputActivation in
                let choice = try output.choice(OutputActivation.self)
                if model.isImage && choice == .linear {
                    throw output.invalid("linear output is for model mlp2d", hint: "use sigmoid or tanh for images")
                }
                if !model.isImage && choice != .linear {
                    throw output.invalid("model mlp2d has a linear output", hint: "leave output out or write linear")
                }
                return choice
            } ?? generator.output
        }
        return generator
    }

    func decodeDiscriminator(for model: ModelKind) throws -> DiscriminatorConfig {
        var discriminator = DiscriminatorConfig.defaults(for: model)
        guard let value = root.optional("discriminator") else { return discriminator }
        let section = try ConfigMapping(value, allowed: DiscriminatorConfig.keys(for: model), problems: problems) { key in
            Self.explainModelKey(key, section: "discriminator", model: model, keys: DiscriminatorConfig.keys)
        }
        if let hidden = section["hidden"] {
            discriminator.hidden = problems.attempt { try layerWidths(hidden) } ?? discriminator.hidden
        }
        if let channels = section["channels"] {
            discriminator.channels = problems.attempt {
                try channelList(channels, stages: 1...4, why: "each stride-2 convolution halves 28×28; four reach 1×1")
            } ?? discriminator.channels
        }
        if let kernel = section["kernel"] {
            discriminator.kernel = problems.attempt { try kernelSize(kernel) } ?? discriminator.kernel
        }
        if let batchnorm = section["batchnorm"] {
            discriminator.batchnorm = problems.attempt { try batchnorm.bool() } ?? discriminator.batchnorm
        }
        if let dropout = section["dropout"] {
            discriminator.dropout = problems.attempt {
                try dropout.double(where: { $0 >= 0 && $0 < 1 }, "must be at least 0 and less than 1",
                                   hint: "typical values are 0.3 to 0.5")
            } ?? discriminator.dropout
        }
        if let kernels = section["minibatch_discrimination"] {
            discriminator.minibatchDiscrimination = problems.attempt {
                try kernels.int(in: 0...1024, hint: "the number of kernels; 0 turns minibatch discrimination off")
            } ?? discriminator.minibatchDiscrimination
        }
        return discriminator
    }

    /// For a key that belongs to another model (`channels` with model mlp), names that model.
    static func explainModelKey(_ key: String, section: String, model: ModelKind,
                                keys: (ModelKind) -> [String]) -> (message: String, hint: String)? {
        let owners = ModelKind.allCases.filter { keys($0).contains(key) }.map(\.rawValue)
        guard !owners.isEmpty else { return nil }
        return ("applies to model \(owners.joined(separator: " and ")), and this run uses model \(model.rawValue)",
                "\(section) keys for \(model.rawValue): \(keys(model).joined(separator: ", "))")
    }

    private func layerWidths(_ value: ConfigValue) throws -> [Int] {
        let widths = try value.intList(in: 1...8192, hint: "layer widths are 1 to 8192")
        guard !widths.isEmpty else { throw value.invalid("must list at least one layer width") }
        return widths
    }

    private func channelList(_ value: ConfigValue, stages: ClosedRange<Int>, why: String) throws -> [Int] {
        let channels = try value.intList(in: 1...1024, hint: "channel counts are 1 to 1024")
        guard stages.contains(channels.count) else {
            throw value.invalid("must list \(stages.lowerBound) to \(stages.upperBound) channel counts, got \(channels.count)",
                                hint: why)
        }
        return channels
    }

    private func kernelSize(_ value: ConfigValue) throws -> Int {
        let kernel = try value.int()
        guard [3, 4, 5].contains(kernel) else {
            throw value.invalid("must be 3, 4 or 5, got \(kernel)", hint: "4 is the DCGAN choice")
        }
        return kernel
    }
}
