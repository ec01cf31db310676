/// One optimizer's settings (YAML `optimizer:` and `d_optimizer:`).
///
/// Only the fields of the chosen algorithm are meaningful: Adam reads `lr`, `beta1`, `beta2`,
/// `eps`; SGD reads `lr`, `momentum`. The decoder rejects keys of the other algorithm, and the
/// canonical JSON holds only the keys of `name`.
public struct OptimizerConfig: Equatable, Sendable {
    /// `name`: `adam` (default) or `sgd`.
    public var name: OptimizerName
    /// `lr`: learning rate, > 0. Default 0.0002 for Adam (DCGAN paper), 0.01 for SGD.
    public var lr: Double
    /// `beta1`: Adam's first-moment decay, 0 ≤ β1 < 1. Default 0.5 (DCGAN paper).
    public var beta1: Double
    /// `beta2`: Adam's second-moment decay, 0 ≤ β2 < 1. Default 0.999.
    public var beta2: Double
    /// `eps`: Adam's denominator guard, > 0. Default 1e-8.
    public var eps: Double
    /// `momentum`: SGD momentum, 0 ≤ m < 1. Default 0 (plain SGD).
    public var momentum: Double

    public init(name: OptimizerName, lr: Double, beta1: Double = 0.5, beta2: Double = 0.999,
                eps: Double = 1e-8, momentum: Double = 0) {
        self.name = name
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.momentum = momentum
    }

    /// Adam(lr 0.0002, β 0.5, 0.999, eps 1e-8): the settings of the reference MLP GAN and DCGAN.
    public static let adamDefault = OptimizerConfig(name: .adam, lr: 0.0002)
    /// Plain SGD with lr 0.01.
    public static let sgdDefault = OptimizerConfig(name: .sgd, lr: 0.01)

    /// Defaults for an algorithm named in a config.
    public static func defaults(for name: OptimizerName) -> OptimizerConfig {
        switch name {
        case .adam: return adamDefault
        case .sgd: return sgdDefault
        }
    }

    /// YAML keys that apply to an algorithm, in the order they are documented.
    static func keys(for name: OptimizerName) -> [String] {
        switch name {
        case .adam: return ["name", "lr", "beta1", "beta2", "eps"]
        case .sgd: return ["name", "lr", "momentum"]
        }
    }

    /// Every optimizer key of any algorithm.
    static let allKeys = ["name", "lr", "beta1", "beta2", "eps", "momentum"]
}
