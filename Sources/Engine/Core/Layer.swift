/// What a backward pass must produce. Phases of GAN training need different subsets:
/// D's step needs no gradient for its input images, G's step needs none for D's parameters.
public struct GradientNeeds: Equatable {
    public var parameters: Bool
    public var input: Bool
    /// True: parameter gradients are added to what the gradients hold (several backward passes
    /// sum up). False: they are written, whatever the gradients held, so the first backward of a
    /// step needs no zeroing pass over the gradients before it.
    public var accumulate: Bool
    /// When set (with `accumulate` false, for the only backward of a step), a layer may hand a
    /// weight gradient straight to this optimizer inside the product that computes it, instead
    /// of storing it: the gradient is then never written, and the weight is already updated.
    public var updater: GradientConsumer?

    public init(parameters: Bool, input: Bool, accumulate: Bool = true, updater: GradientConsumer? = nil) {
        self.parameters = parameters
        self.input = input
        self.accumulate = accumulate
        self.updater = updater
    }

    public static func == (lhs: GradientNeeds, rhs: GradientNeeds) -> Bool {
        lhs.parameters == rhs.parameters && lhs.input == rhs.input && lhs.accumulate == rhs.accumulate
            && lhs.updater === rhs.updater
    }

    /// The optimizer that may consume weight gradients in place, when `accumulate` is false.
    public var weightUpdater: GradientConsumer? { accumulate ? nil : updater }

    public static let all = GradientNeeds(parameters: true, input: true)
    public static let parametersOnly = GradientNeeds(parameters: true, input: false)
    public static let inputOnly = GradientNeeds(parameters: false, input: true)

    /// The same needs with parameter gradients written instead of added.
    public var overwriting: GradientNeeds {
        GradientNeeds(parameters: parameters, input: input, accumulate: false, updater: updater)
    }

    /// The same needs, updating weights with `optimizer` inside their gradient products where it can.
    public func updating(with optimizer: GradientConsumer?) -> GradientNeeds {
        GradientNeeds(parameters: parameters, input: input, accumulate: accumulate, updater: optimizer)
    }
}

/// One differentiable operation with an explicit forward and backward.
///
/// `forward` returns a buffer the layer owns; it stays valid until the layer's next forward.
/// `backward` takes dL/d(output) of the most recent forward, adds parameter gradients into each
/// `Parameter.gradient` when asked (or writes them, when `needs.accumulate` is false), and returns
/// dL/d(input) when asked (a buffer the layer owns).
public protocol Layer: AnyObject {
    var parameters: [Parameter] { get }
    func forward(_ input: Tensor, training: Bool) -> Tensor
    func backward(_ gradOutput: Tensor, needs: GradientNeeds) -> Tensor?
    /// Multiply-adds of one forward pass for an input of this shape (for FLOP counts).
    func forwardFLOPs(inputShape: [Int]) -> Int
    func outputShape(inputShape: [Int]) -> [Int]
    /// True when each sample's output and gradients depend on that sample alone in training, so
    /// two batches can go through as one (no batch statistics, no random masks, no cross-sample terms).
    /// Every layer must answer: there is no default, because a layer that mixes samples and
    /// claimed independence would silently break the paired discriminator step.
    var isSampleIndependent: Bool { get }
}

public extension Layer {
    var parameters: [Parameter] { [] }
    func forwardFLOPs(inputShape: [Int]) -> Int { 0 }
}
