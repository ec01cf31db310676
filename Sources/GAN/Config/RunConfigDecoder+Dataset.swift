/// `dataset:` as a name (`ring8`) or, for a mixture, a mapping with its geometry
/// (`{name: ring8, radius: 1, std: 0.01}`, `{name: grid25, spacing: 2, std: 0.05}`).
extension RunConfigDecoder {
    func decodeDatasetName() throws -> DatasetName {
        guard let value = root["dataset"] else { return .mnist }
        if value.node.scalar != nil || value.isNull { return try value.choice(DatasetName.self) }
        guard let name = value.unvalidatedChild("name") else {
            throw value.error(.invalidValue, "a dataset written as a mapping needs its name",
                              hint: "e.g. dataset: {name: ring8, radius: 1, std: 0.01}")
        }
        return try name.choice(DatasetName.self)
    }

    /// The geometry over the dataset's defaults; nil for image datasets.
    func decodeGeometry(for dataset: DatasetName) throws -> MixtureGeometry? {
        let defaults = MixtureGeometry.defaults(for: dataset)
        guard let value = root["dataset"], value.node.scalar == nil, !value.isNull else { return defaults }
        guard var geometry = defaults else {
            throw value.error(.conflict, "\(dataset.rawValue) has no geometry to set",
                              hint: "write dataset: \(dataset.rawValue); radius, spacing and std apply to ring8 and grid25")
        }
        let scaleKey = MixtureGeometry.scaleKey(for: dataset)
        let section = try ConfigMapping(value, allowed: MixtureGeometry.keys(for: dataset), problems: problems) { key in
            guard ["radius", "spacing"].contains(key) else { return nil }
            return ("\(dataset.rawValue) has no \(key)", "\(dataset.rawValue) keys: \(MixtureGeometry.keys(for: dataset).joined(separator: ", "))")
        }
        if let scale = section[scaleKey] {
            geometry.scale = problems.attempt {
                try scale.double(where: { $0 > 0 && $0 <= 100 }, "must be greater than 0 and at most 100",
                                 hint: dataset == .ring8 ? "PacGAN and VEEGAN use radius 1, Metz et al. 2" : "Metz et al. use spacing 2")
            } ?? geometry.scale
        }
        if let std = section["std"] {
            geometry.std = problems.attempt {
                try std.double(where: { $0 > 0 && $0 <= 10 }, "must be greater than 0 and at most 10",
                               hint: dataset == .ring8 ? "PacGAN and VEEGAN use 0.01, Metz et al. 0.02" : "Metz et al. use 0.05")
            } ?? geometry.std
        }
        return geometry
    }
}
