/// Pointwise nonlinearities. Backward uses the saved output y (all four are monotone, and their
/// derivatives are functions of y), so no copy of the input is kept.
public final class Activation: LayoutAgnostic {
    public enum Kind: Equatable {
        case relu
        case leakyReLU(slope: Float)
        case sigmoid
        case tanh
    }

    public let kind: Kind
    private var output: Tensor?
    private var gradInput: Tensor?

    public init(_ kind: Kind) { self.kind = kind }

    public static func relu() -> Activation { Activation(.relu) }
    public static func leakyReLU(_ slope: Float = 0.2) -> Activation { Activation(.leakyReLU(slope: slope)) }
    public static func sigmoid() -> Activation { Activation(.sigmoid) }
    public static func tanh() -> Activation { Activation(.tanh) }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        let y = reuse(output, shape: x.shape)
        output = y
        y.isBatchLast = x.isBatchLast
        ActivationKernel(function: kernelFunction, backward: false, source: x.data, output: x.data, target: y.data,
                         count: x.count).run()
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard needs.input else { return nil }
        guard let y = output else { preconditionFailure("Activation.backward before forward") }
        let dx = reuse(gradInput, shape: y.shape)
        gradInput = dx
        dx.isBatchLast = dy.isBatchLast
        ActivationKernel(function: kernelFunction, backward: true, source: dy.data, output: y.data, target: dx.data,
                         count: y.count).run()
        return dx
    }

    private var kernelFunction: ActivationKernel.Function {
        switch kind {
        case .relu: return .relu
        case .leakyReLU(let slope): return .leakyReLU(slope: slope)
        case .sigmoid: return .sigmoid
        case .tanh: return .tanh
        }
    }

    /// Independent: elementwise.
    public var isSampleIndependent: Bool { true }

    /// Elementwise: any layout.
    public var worksBatchLast: Bool { true }

    public func outputShape(inputShape: [Int]) -> [Int] { inputShape }
}
