extension RunConfig {
    /// The resolved configuration as JSON: keys sorted, numbers normalised, no whitespace.
    /// The run hash is computed from it.
    public var canonicalJSON: String { jsonValue().compact }

    /// The resolved configuration, keys sorted, indented, ending in a newline (a cache entry's config.json).
    public var prettyJSON: String { jsonValue().pretty() + "\n" }

    func jsonValue() -> ConfigJSON {
        var members: [String: ConfigJSON] = [
            "dataset": datasetJSON,
            "model": .string(model.rawValue),
            "generator": generatorJSON,
            "discriminator": discriminatorJSON,
            "z_dim": .int(zDim),
            "loss": .string(loss.rawValue),
            "batch_size": .int(batchSize),
            "optimizer": Self.json(optimizer),
            "d_optimizer": Self.json(dOptimizer),
            "init": .string(weightInit.rawValue),
            "d_steps": .int(dSteps),
            "label_smoothing": .number(labelSmoothing),
            "label_flip": .number(labelFlip),
            "instance_noise": .number(instanceNoise),
            "pack": .int(pack),
            "pretrain_d": .int(pretrainD),
            "freeze_generator": .bool(freezeGenerator),
            "seed": .int(seed),
            "log_every": .int(logEvery),
            "snapshots": .int(snapshots),
        ]
        switch length {
        case .epochs(let epochs): members["epochs"] = .int(epochs)
        case .iterations(let iterations): members["iterations"] = .int(iterations)
        }
        if let subset { members["subset"] = .int(subset) }
        if let classes { members["classes"] = .array(classes.map { .int($0) }) }
        if precision != .fp32 { members["precision"] = .string(precision.rawValue) }
        return .object(members)
    }

    /// A mixture's name with its geometry (`{"name":"ring8","radius":2,"std":0.02}`), an image
    /// dataset's name alone.
    private var datasetJSON: ConfigJSON {
        guard let mixture else { return .string(dataset.rawValue) }
        return .object(["name": .string(dataset.rawValue), MixtureGeometry.scaleKey(for: dataset): .number(mixture.scale),
                        "std": .number(mixture.std)])
    }

    private var generatorJSON: ConfigJSON {
        let all: [String: ConfigJSON] = [
            "hidden": .array(generator.hidden.map { .int($0) }),
            "channels": .array(generator.channels.map { .int($0) }),
            "kernel": .int(generator.kernel),
            "activation": .string(generator.activation.rawValue),
            "batchnorm": .bool(generator.batchnorm),
            "output": .string(generator.output.rawValue),
        ]
        return .object(all.filter { GeneratorConfig.keys(for: model).contains($0.key) })
    }

    private var discriminatorJSON: ConfigJSON {
        let all: [String: ConfigJSON] = [
            "hidden": .array(discriminator.hidden.map { .int($0) }),
            "channels": .array(discriminator.channels.map { .int($0) }),
            "kernel": .int(discriminator.kernel),
            "batchnorm": .bool(discriminator.batchnorm),
            "dropout": .number(discriminator.dropout),
            "minibatch_discrimination": .int(discriminator.minibatchDiscrimination),
        ]
        return .object(all.filter { DiscriminatorConfig.keys(for: model).contains($0.key) })
    }

    private static func json(_ optimizer: OptimizerConfig) -> ConfigJSON {
        let all: [String: ConfigJSON] = [
            "name": .string(optimizer.name.rawValue),
            "lr": .number(optimizer.lr),
            "beta1": .number(optimizer.beta1),
            "beta2": .number(optimizer.beta2),
            "eps": .number(optimizer.eps),
            "momentum": .number(optimizer.momentum),
        ]
        return .object(all.filter { OptimizerConfig.keys(for: optimizer.name).contains($0.key) })
    }
}
