import Foundation

/// A 2-D mixture of equal-weight isotropic Gaussians: the standard mode-collapse benchmarks.
public struct GaussianMixture: Equatable, Sendable {
    /// Bumped whenever generation changes, so cached runs on the old points are not reused.
    public static let generatorVersion = 1

    public let name: DatasetName
    /// Mode centres, in order: the label of a point is the index of its mode.
    public let centers: [SIMD2<Double>]
    /// Standard deviation of every mode.
    public let std: Double
    /// Number of points generated.
    public let count: Int
    /// Seed of the generator; fixed, so the dataset is the same everywhere.
    public let seed: UInt64

    public init(name: DatasetName, centers: [SIMD2<Double>], std: Double, count: Int, seed: UInt64) {
        precondition(!centers.isEmpty && std > 0 && count > 0, "a mixture needs modes, spread and points")
        self.name = name
        self.centers = centers
        self.std = std
        self.count = count
        self.seed = seed
    }

    /// 8 Gaussians evenly spaced on a circle of radius 2 (the first at angle 0), std 0.02.
    public static let ring8 = mixture(.ring8, geometry: MixtureGeometry.defaults(for: .ring8)!)

    /// 25 Gaussians on the 5×5 grid {-4, -2, 0, 2, 4}², row by row, std 0.05.
    public static let grid25 = mixture(.grid25, geometry: MixtureGeometry.defaults(for: .grid25)!)

    /// The mixture of a dataset with a geometry: ring8 on a circle of radius `scale`, grid25 on
    /// the grid {−2, −1, 0, 1, 2}² · `scale`; 50,000 points from a fixed seed.
    public static func mixture(_ name: DatasetName, geometry: MixtureGeometry) -> GaussianMixture {
        switch name {
        case .ring8:
            return GaussianMixture(
                name: .ring8,
                centers: (0..<8).map { index in
                    let angle = 2 * Double.pi * Double(index) / 8
                    return SIMD2(geometry.scale * cos(angle), geometry.scale * sin(angle))
                },
                std: geometry.std, count: 50_000, seed: 8)
        case .grid25:
            let steps = [-2.0, -1, 0, 1, 2].map { $0 * geometry.scale }
            return GaussianMixture(name: .grid25, centers: steps.flatMap { y in steps.map { x in SIMD2(x, y) } },
                                   std: geometry.std, count: 50_000, seed: 25)
        case .mnist, .fashionMNIST:
            preconditionFailure("\(name.rawValue) is not a mixture")
        }
    }

    /// The mixture behind a dataset name with its default geometry; nil for image datasets.
    public static func named(_ dataset: DatasetName) -> GaussianMixture? {
        MixtureGeometry.defaults(for: dataset).map { mixture(dataset, geometry: $0) }
    }

    /// The mixture of a run (its dataset with its geometry); nil for image datasets.
    public static func of(_ config: RunConfig) -> GaussianMixture? {
        config.mixture.map { mixture(config.dataset, geometry: $0) }
    }

    /// The distance between the first two modes' neighbours: ring8's radius, grid25's spacing.
    var scale: Double {
        switch name {
        case .grid25: return centers.count > 1 ? abs(centers[1].x - centers[0].x) : 0
        default: return centers.first.map { ($0 * $0).sum().squareRoot() } ?? 0
        }
    }

    /// Version and every parameter, for the run hash.
    public var identity: String {
        let layout: String
        switch name {
        case .ring8: layout = "modes=8 radius=\(ConfigJSON.normalised(scale))"
        case .grid25: layout = "modes=25 grid=5x5 spacing=\(ConfigJSON.normalised(scale))"
        default: layout = "modes=\(centers.count)"
        }
        return "\(name.rawValue) generator-v\(Self.generatorVersion) \(layout) std=\(ConfigJSON.normalised(std)) points=\(count) seed=\(seed)"
    }

    /// The points: point i belongs to mode i mod (number of modes), so modes are balanced
    /// exactly; values are x, y pairs.
    public func generate() -> Dataset {
        var random = SplitMix64(seed: seed)
        var values = [Float]()
        values.reserveCapacity(2 * count)
        var labels = [Int]()
        labels.reserveCapacity(count)
        for index in 0..<count {
            let mode = index % centers.count
            let (dx, dy) = random.nextGaussianPair()
            values.append(Float(centers[mode].x + std * dx))
            values.append(Float(centers[mode].y + std * dy))
            labels.append(mode)
        }
        let digest = values.withUnsafeBytes { SHA256.hash(data: $0).hexString }
        return Dataset(name: name, shape: .point(dimension: 2), values: values, labels: labels,
                       identity: identity, digest: digest, mixture: self)
    }
}
