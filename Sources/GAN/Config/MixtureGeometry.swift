/// Where a 2-D mixture's modes sit and how wide they are (`dataset: {name: ring8, radius: 1, std: 0.01}`).
///
/// The defaults are Metz et al.'s (Unrolled GAN): ring8 radius 2, std 0.02; grid25 spacing 2,
/// std 0.05. PacGAN and VEEGAN use radius 1, std 0.01 for the ring.
public struct MixtureGeometry: Equatable, Sendable {
    /// ring8: the circle's radius (`radius`); grid25: the distance between neighbouring modes (`spacing`).
    public var scale: Double
    /// `std`: every mode's standard deviation.
    public var std: Double

    public init(scale: Double, std: Double) {
        self.scale = scale
        self.std = std
    }

    /// The geometry a mixture has when none is written; nil for image datasets.
    public static func defaults(for dataset: DatasetName) -> MixtureGeometry? {
        switch dataset {
        case .ring8: return MixtureGeometry(scale: 2, std: 0.02)
        case .grid25: return MixtureGeometry(scale: 2, std: 0.05)
        case .mnist, .fashionMNIST: return nil
        }
    }

    /// The YAML key of `scale` for a mixture.
    static func scaleKey(for dataset: DatasetName) -> String { dataset == .grid25 ? "spacing" : "radius" }

    /// Keys of the mapping form of `dataset:` for a mixture.
    static func keys(for dataset: DatasetName) -> [String] { ["name", scaleKey(for: dataset), "std"] }
}
