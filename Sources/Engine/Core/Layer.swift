/// What a backward pass must produce. Phases of GAN training need different subsets:
/// D's step needs no gradient for its input images, G's step needs none for D's parameters.
public struct GradientNeeds: Equatable {
    public var parameters: Bool
    public var input: Bool
    /// True: parameter gradients are added to what the gradients hold (several backward passes
    /// sum up). False: they are written, whatever the gradients held, so the first backward of a
    /// step needs no zeroing pass over the gradients before it.
    public var accumulate: Bool

    public init(parameters: Bool, input: Bool, accumulate: Bool = true) {
        self.parameters = parameters
        self.input = input
        self.accumulate = accumulate
    }

    public static let all = GradientNeeds(parameters: true, input: true)
    public static let parametersOnly = GradientNeeds(parameters: true, input: false)
    public static let inputOnly = GradientNeeds(parameters: false, input: true)

    /// The same needs with parameter gradients written instead of added.
    public var overwriting: GradientNeeds {
        GradientNeeds(parameters: parameters, input: input, accumulate: false)
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
    var isSampleIndependent: Bool { get }
}

public extension Layer {
    var parameters: [Parameter] { [] }
    func forwardFLOPs(inputShape: [Int]) -> Int { 0 }
    var isSampleIndependent: Bool { true }
}
