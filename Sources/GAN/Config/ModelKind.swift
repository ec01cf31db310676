/// The network architecture family of a run.
public enum ModelKind: String, ConfigChoice {
    /// Fully connected GAN for 28×28 images.
    case mlp
    /// DCGAN for 28×28 images: transposed convolutions in G, strided convolutions in D.
    case dcgan
    /// Small fully connected GAN for the 2-D mixtures.
    case mlp2d

    /// Whether the model generates 28×28 images (as opposed to 2-D points).
    public var isImage: Bool { self != .mlp2d }

    /// The model used when a run names none.
    public static func defaultModel(for dataset: DatasetName) -> ModelKind {
        dataset.isImage ? .mlp : .mlp2d
    }
}
