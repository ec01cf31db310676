/// The discriminator's architecture (YAML `discriminator:`). Defaults depend on the model.
///
/// Hidden layers always use Leaky ReLU (slope 0.2), and D ends in one logit.
///
/// | model | hidden / channels     | batchnorm |
/// |-------|-----------------------|-----------|
/// | mlp   | hidden [512, 256]     | false     |
/// | dcgan | channels [64, 128], k 4 | true (after every conv but the first) |
/// | mlp2d | hidden [128, 128]     | false     |
public struct DiscriminatorConfig: Equatable, Sendable {
    /// `hidden` (mlp, mlp2d): widths of the hidden dense layers. Empty for dcgan.
    public var hidden: [Int]
    /// `channels` (dcgan): output channels of each stride-2 convolution, then a dense layer to
    /// one logit. One to four entries. Empty for mlp and mlp2d.
    public var channels: [Int]
    /// `kernel` (dcgan): convolution kernel size, 3, 4 or 5. Default 4; unused by the other models.
    public var kernel: Int
    /// `batchnorm`: batch normalisation after each hidden layer but the first.
    public var batchnorm: Bool
    /// `dropout`: probability of dropping a hidden unit in D, 0 ≤ p < 1. Default 0.
    public var dropout: Double
    /// `minibatch_discrimination`: number of minibatch-discrimination kernels (dimension 5 each)
    /// added before D's last layer; 0 (default) turns it off.
    public var minibatchDiscrimination: Int

    public init(hidden: [Int], channels: [Int], kernel: Int, batchnorm: Bool,
                dropout: Double, minibatchDiscrimination: Int) {
        self.hidden = hidden
        self.channels = channels
        self.kernel = kernel
        self.batchnorm = batchnorm
        self.dropout = dropout
        self.minibatchDiscrimination = minibatchDiscrimination
    }

    /// The discriminator of each reference model.
    public static func defaults(for model: ModelKind) -> DiscriminatorConfig {
        switch model {
        case .mlp:
            return DiscriminatorConfig(hidden: [512, 256], channels: [], kernel: 4, batchnorm: false,
                                       dropout: 0, minibatchDiscrimination: 0)
        case .dcgan:
            return DiscriminatorConfig(hidden: [], channels: [64, 128], kernel: 4, batchnorm: true,
                                       dropout: 0, minibatchDiscrimination: 0)
        case .mlp2d:
            return DiscriminatorConfig(hidden: [128, 128], channels: [], kernel: 4, batchnorm: false,
                                       dropout: 0, minibatchDiscrimination: 0)
        }
    }

    /// YAML keys that apply to a model.
    static func keys(for model: ModelKind) -> [String] {
        switch model {
        case .mlp, .mlp2d: return ["hidden", "batchnorm", "dropout", "minibatch_discrimination"]
        case .dcgan: return ["channels", "kernel", "batchnorm", "dropout", "minibatch_discrimination"]
        }
    }

    /// Every discriminator key of any model.
    static let allKeys = ["hidden", "channels", "kernel", "batchnorm", "dropout", "minibatch_discrimination"]
}
