import Engine
import Foundation

/// Walks the YAML mapping of one run and builds a validated `RunConfig`.
///
/// The dataset and model are read first because they decide the defaults and which nested keys
/// are allowed; every other key is then read over those defaults. Every problem is recorded
/// and the decoder reads on, so one error lists them all.
struct RunConfigDecoder {
    let root: ConfigMapping
    let problems: ConfigProblems
    /// - Parameter handledKeys: top-level keys the caller reads itself (display-only keys of a
    ///   page's directive); allowed here so unknown keys and suggestions come from one mapping,
    ///   never decoded, never hashed.
    init(root value: ConfigValue, handledKeys: [String] = []) throws {
        let problems = ConfigProblems()
        root = try ConfigMapping(value, allowed: handledKeys + RunConfig.topLevelKeys, problems: problems,
                                 explainMisplaced: RunConfigDecoder.explainNestedKey)
        self.problems = problems
    }

    func decode(checkingFeasibility: Bool = true) throws -> RunConfig {
        let dataset = problems.attempt { try decodeDatasetName() }
        let model = dataset.flatMap { dataset in problems.attempt { try decodeModel(for: dataset) } }
        // The rest depends on the dataset and model: without them, report what was found so far.
        guard let dataset, let model else {
            try problems.throwIfAny()
            preconditionFailure("a failed dataset or model records its problem")
        }
        var config = RunConfig(dataset: dataset, model: model)
        config.mixture = problems.attempt { try decodeGeometry(for: dataset) } ?? config.mixture
        config.classes = problems.attempt { try decodeClasses(for: dataset) }
        config.subset = problems.attempt { try decodeSubset(for: dataset, classes: config.classes) }
        config.generator = problems.attempt { try decodeGenerator(for: model) } ?? config.generator
        config.discriminator = problems.attempt { try decodeDiscriminator(for: model) } ?? config.discriminator
        config.zDim = problems.attempt { try root["z_dim"]?.int(in: 1...1024) } ?? config.zDim
        config.loss = problems.attempt { try root["loss"]?.choice(LossKind.self) } ?? config.loss
        config.length = problems.attempt { try decodeLength() } ?? config.length
        config.batchSize = problems.attempt { try root["batch_size"]?.int(in: 1...4096) } ?? config.batchSize
        if let value = root.optional("optimizer") {
            config.optimizer = problems.attempt { try decodeOptimizer(value, over: .adamDefault) } ?? config.optimizer
        }
        config.dOptimizer = problems.attempt {
            try root.optional("d_optimizer").map { try decodeOptimizer($0, over: config.optimizer) }
        } ?? config.optimizer
        config.weightInit = problems.attempt { try root["init"]?.choice(WeightInit.self) } ?? config.weightInit
        config.dSteps = problems.attempt { try root["d_steps"]?.int(in: 1...100) } ?? config.dSteps
        config.labelSmoothing = problems.attempt {
            try root["label_smoothing"]?.double(where: { $0 > 0 && $0 <= 1 }, "must be greater than 0 and at most 1",
                                                hint: "one-sided label smoothing uses 0.9")
        } ?? config.labelSmoothing
        config.labelFlip = problems.attempt {
            try root["label_flip"]?.double(where: { $0 >= 0 && $0 <= 0.5 }, "must be between 0 and 0.5",
                                           hint: "above 0.5 the labels would mostly mean the opposite")
        } ?? config.labelFlip
        config.instanceNoise = problems.attempt {
            try root["instance_noise"]?.double(where: { $0 >= 0 }, "must be at least 0",
                                               hint: "typical values are 0.1 to 1")
        } ?? config.instanceNoise
        config.pack = problems.attempt { try root["pack"]?.int(in: 1...16) } ?? config.pack
        config.pretrainD = problems.attempt { try root["pretrain_d"]?.int(in: 0...100_000) } ?? config.pretrainD
        config.freezeGenerator = problems.attempt { try root["freeze_generator"]?.bool() } ?? config.freezeGenerator
        config.seed = problems.attempt { try root["seed"]?.int(in: 0...Int.max) } ?? config.seed
        config.logEvery = problems.attempt { try root["log_every"]?.int(in: 1...Int.max) } ?? config.logEvery
        config.snapshots = problems.attempt { try root["snapshots"]?.int(in: 1...100) } ?? config.snapshots
        config.precision = problems.attempt { try root["precision"]?.choice(Precision.self) } ?? config.precision
        try problems.throwIfAny()
        if checkingFeasibility { try checkFeasibility(config) }
        return config
    }

    /// For a nested key written at the top level (`lr:` instead of `optimizer: {lr: …}`),
    /// says where it belongs.
    /// A near miss of a nested key (`beta` for `beta1`) is explained too, unless a top-level key
    /// is as plausible.
    static func explainNestedKey(_ key: String) -> (message: String, hint: String)? {
        let nested = [
            ("generator", GeneratorConfig.allKeys),
            ("discriminator", DiscriminatorConfig.allKeys),
            ("optimizer", OptimizerConfig.allKeys),
        ]
        var name = Suggestion.aliases[key.lowercased()] ?? key
        if !nested.contains(where: { $0.1.contains(name) }), Suggestion.closest(to: key, among: RunConfig.topLevelKeys) == nil,
           let near = Suggestion.closest(to: key, among: nested.flatMap(\.1)) {
            name = near
        }
        let sections = nested.filter { $0.1.contains(name) }.map(\.0)
        guard !sections.isEmpty else { return nil }
        let paths = sections.map { "\($0).\(name)" }.joined(separator: " or ")
        return ("unknown key at the top level",
                "did you mean \(paths)? write it inside \(sections[0]): {\(name): …}")
    }

    private func decodeModel(for dataset: DatasetName) throws -> ModelKind {
        guard let value = root["model"] else { return .defaultModel(for: dataset) }
        let model = try value.choice(ModelKind.self)
        if model.isImage != dataset.isImage {
            let message = model.isImage
                ? "\(model.rawValue) needs an image dataset (mnist or fashion-mnist), not \(dataset.rawValue)"
                : "mlp2d is for the 2-D datasets ring8 and grid25, not \(dataset.rawValue)"
            throw value.error(.conflict, message,
                              hint: model.isImage ? "use model: mlp2d" : "use model: mlp or dcgan")
        }
        return model
    }

    private func decodeClasses(for dataset: DatasetName) throws -> [Int]? {
        guard let value = root.optional("classes") else { return nil }
        guard dataset.isImage else {
            throw value.error(.conflict, "applies to the image datasets only; \(dataset.rawValue) has no classes")
        }
        let digits = try value.intList(in: 0...9, hint: "classes are digits 0-9")
        guard !digits.isEmpty else {
            throw value.invalid("must list at least one class", hint: "leave classes out to use all ten")
        }
        if let repeated = digits.firstIndex(where: { digit in digits.filter { $0 == digit }.count > 1 }) {
            throw value.invalid("class \(digits[repeated]) is listed twice")
        }
        // All ten classes select the same data as none: one spelling, one hash.
        return digits.count == 10 ? nil : digits.sorted()
    }

    private func decodeSubset(for dataset: DatasetName, classes: [Int]?) throws -> Int? {
        guard let value = root.optional("subset") else { return nil }
        guard let counts = dataset.trainingClassCounts else {
            throw value.error(.conflict, "applies to the image datasets only, not \(dataset.rawValue)")
        }
        let subset = try value.int(in: 1...Int.max)
        let selected = classes ?? Array(0...9)
        let available = selected.map { counts[$0] }.reduce(0, +)
        guard subset <= available else {
            let which = classes.map { "of classes \($0.map(String.init).joined(separator: ", ")) " } ?? ""
            throw value.invalid("\(subset) is more than the \(available) training examples \(which)in \(dataset.rawValue)",
                                hint: "use at most \(available)")
        }
        return subset
    }

    private func decodeLength() throws -> TrainingLength {
        let epochs = root.optional("epochs")
        let iterations = root.optional("iterations")
        if let epochs, let iterations {
            let later = (iterations.line ?? 0) >= (epochs.line ?? 0) ? iterations : epochs
            throw later.error(.conflict, "epochs and iterations are both given",
                              hint: "keep one: epochs counts passes over the data, iterations counts generator steps")
        }
        if let epochs { return .epochs(try epochs.int(in: 1...10_000)) }
        if let iterations { return .iterations(try iterations.int(in: 1...100_000_000)) }
        return .defaultLength
    }
}
