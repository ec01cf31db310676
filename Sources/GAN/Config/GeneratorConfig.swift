/// The generator's architecture (YAML `generator:`). Defaults depend on the model.
///
/// | model | hidden / channels        | activation | batchnorm | output  |
/// |-------|--------------------------|------------|-----------|---------|
/// | mlp   | hidden [256, 512, 1024]  | leaky_relu | true      | sigmoid |
/// | dcgan | channels [128, 64], k 4  | relu       | true      | tanh    |
/// | mlp2d | hidden [128, 128]        | relu       | false     | linear  |
public struct GeneratorConfig: Equatable, Sendable {
    /// `hidden` (mlp, mlp2d): widths of the hidden dense layers, z → hidden… → output.
    /// Empty for dcgan.
    public var hidden: [Int]
    /// `channels` (dcgan): one entry per upsampling stage. The dense layer outputs
    /// `channels[0]` maps of 28/2^count pixels; each entry is followed by a stride-2 transposed
    /// convolution to the next entry's channels (the last to 1 channel): [128, 64] means
    /// dense → 128×7×7 → convT → 64×14×14 → convT → 1×28×28. One or two entries (28 = 7·2²).
    /// Empty for mlp and mlp2d.
    public var channels: [Int]
    /// `kernel` (dcgan): transposed-convolution kernel size, 3, 4 or 5 (stride 2, padding chosen
    /// by the model so each stage doubles the size). Default 4; unused by the other models.
    public var kernel: Int
    /// `activation`: hidden-layer non-linearity.
    public var activation: Activation
    /// `batchnorm`: batch normalisation after each hidden layer (mlp: after the activation,
    /// as in the reference; dcgan: after the dense layer and each hidden convolution).
    public var batchnorm: Bool
    /// `output`: sigmoid or tanh for images, linear for mlp2d.
    public var output: OutputActivation

    public init(hidden: [Int], channels: [Int], kernel: Int, activation: Activation,
                batchnorm: Bool, output: OutputActivation) {
        self.hidden = hidden
        self.channels = channels
        self.kernel = kernel
        self.activation = activation
        self.batchnorm = batchnorm
        self.output = output
    }

    /// The generator of each reference model.
    public static func defaults(for model: ModelKind) -> GeneratorConfig {
        switch model {
        case .mlp:
            return GeneratorConfig(hidden: [256, 512, 1024], channels: [], kernel: 4,
                                   activation: .leakyReLU, batchnorm: true, output: .sigmoid)
        case .dcgan:
            return GeneratorConfig(hidden: [], channels: [128, 64], kernel: 4,
                                   activation: .relu, batchnorm: true, output: .tanh)
        case .mlp2d:
            return GeneratorConfig(hidden: [128, 128], channels: [], kernel: 4,
                                   activation: .relu, batchnorm: false, output: .linear)
        }
    }

    /// YAML keys that apply to a model.
    static func keys(for model: ModelKind) -> [String] {
        switch model {
        case .mlp, .mlp2d: return ["hidden", "activation", "batchnorm", "output"]
        case .dcgan: return ["channels", "kernel", "activation", "batchnorm", "output"]
        }
    }

    /// Every generator key of any model.
    static let allKeys = ["hidden", "channels", "kernel", "activation", "batchnorm", "output"]
}
