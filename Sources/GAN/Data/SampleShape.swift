/// The shape of one training example.
public enum SampleShape: Equatable, Sendable {
    /// An image stored channels × height × width, row-major.
    case image(channels: Int, height: Int, width: Int)
    /// A point in the plane or space (dimension 2 for the mixtures).
    case point(dimension: Int)

    /// Floats per example.
    public var elementCount: Int {
        switch self {
        case let .image(channels, height, width): return channels * height * width
        case let .point(dimension): return dimension
        }
    }
}
