import Foundation

/// Pointwise nonlinearities. Backward uses the saved output y (all four are monotone, and their
/// derivatives are functions of y), so no copy of the input is kept.
public final class Activation: Layer {
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
        let src = x.data, dst = y.data
        switch kind {
        case .relu:
            elementwise(x.count) { r in for i in r { dst[i] = max(src[i], 0) } }
        case .leakyReLU(let slope):
            elementwise(x.count) { r in for i in r { let v = src[i]; dst[i] = v > 0 ? v : v * slope } }
        case .sigmoid:
            elementwise(x.count) { r in for i in r { dst[i] = 1 / (1 + Foundation.exp(-src[i])) } }
        case .tanh:
            elementwise(x.count) { r in for i in r { dst[i] = Foundation.tanh(src[i]) } }
        }
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard needs.input else { return nil }
        guard let y = output else { preconditionFailure("Activation.backward before forward") }
        let dx = reuse(gradInput, shape: y.shape)
        gradInput = dx
        let g = dy.data, out = y.data, d = dx.data
        switch kind {
        case .relu:
            elementwise(y.count) { r in for i in r { d[i] = out[i] > 0 ? g[i] : 0 } }
        case .leakyReLU(let slope):
            elementwise(y.count) { r in for i in r { d[i] = out[i] > 0 ? g[i] : g[i] * slope } }
        case .sigmoid:
            elementwise(y.count) { r in for i in r { d[i] = g[i] * out[i] * (1 - out[i]) } }
        case .tanh:
            elementwise(y.count) { r in for i in r { d[i] = g[i] * (1 - out[i] * out[i]) } }
        }
        return dx
    }

    public func outputShape(inputShape: [Int]) -> [Int] { inputShape }
}
