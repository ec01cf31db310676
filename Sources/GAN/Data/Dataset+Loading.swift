extension Dataset {
    /// The training split of `name` with `classes` and `subset` applied. Image datasets are found
    /// through `search`, checked against their canonical digests and decoded once per process;
    /// mixtures are generated.
    ///
    /// - Throws: `GANError` when the dataset is missing, damaged or not the canonical one, or
    ///   when `subset` exceeds the examples left after `classes`.
    public static func load(_ name: DatasetName, classes: [Int]? = nil, subset: Int? = nil,
                            geometry: MixtureGeometry? = nil, search: DataSearchPath) throws -> Dataset {
        let full: Dataset
        if let geometry = geometry ?? MixtureGeometry.defaults(for: name) {
            let mixture = GaussianMixture.mixture(name, geometry: geometry)
            full = DatasetCache.shared.dataset(for: mixture.identity) { mixture.generate() }
        } else {
            let files = try search.locate(name)
            full = try DatasetCache.shared.dataset(for: "\(name.rawValue)|\(files.trainImages)|\(files.trainLabels)") {
                try ImageDatasetLoader.load(files, digests: CanonicalDigests.of(name))
            }
        }
        return try full.selecting(classes: classes, subset: subset)
    }

    /// The training data of a run: its dataset with its `classes` and `subset`.
    public static func load(for config: RunConfig, search: DataSearchPath) throws -> Dataset {
        try load(config.dataset, classes: config.classes, subset: config.subset, geometry: config.mixture, search: search)
    }

    /// The examples whose label is in `classes` (all when nil), then the first `subset` of them
    /// (all when nil), in their original order.
    public func selecting(classes: [Int]?, subset: Int?) throws -> Dataset {
        if classes == nil && subset == nil { return self }
        var kept = Array(labels.indices)
        if let classes {
            let wanted = Set(classes)
            kept = kept.filter { wanted.contains(labels[$0]) }
        }
        if let subset {
            guard subset <= kept.count else {
                throw GANError(kind: .invalidValue, file: "", keyPath: "subset",
                               message: "\(subset) is more than the \(kept.count) examples available in \(name.rawValue)",
                               hint: "use at most \(kept.count)")
            }
            kept = Array(kept.prefix(subset))
        }
        return Dataset(name: name, shape: shape, storage: storage.selecting(kept, size: shape.elementCount),
                       labels: kept.map { labels[$0] },
                       identity: identity, digest: digest, mixture: mixture)
    }
}
