import Foundation

/// Binary cross-entropy on logits, averaged over the batch, in the numerically stable form
/// max(x, 0) − x·t + log(1 + e^−|x|). The gradient is (σ(x) − t) / N.
public final class BinaryCrossEntropyWithLogits {
    private var gradient: Tensor?

    public init() {}

    /// Loss for logits [N×1] against one target for every row.
    public func loss(logits: Tensor, target: Float) -> Float {
        loss(logits: logits) { _ in target }
    }

    /// Loss for logits [N×1] with a target per row (label smoothing and flipping vary them).
    public func loss(logits: Tensor, targets: [Float]) -> Float {
        precondition(targets.count == logits.count, "\(targets.count) targets for \(logits.count) logits")
        return loss(logits: logits) { targets[$0] }
    }

    private func loss(logits: Tensor, target: (Int) -> Float) -> Float {
        let n = logits.count
        let grad = reuse(gradient, shape: logits.shape)
        gradient = grad
        var total: Double = 0
        for i in 0..<n {
            let x = logits.data[i], t = target(i)
            total += Double(max(x, 0) - x * t + Foundation.log1p(Foundation.exp(-abs(x))))
            grad.data[i] = (Self.sigmoid(x) - t) / Float(n)
        }
        return Float(total / Double(n))
    }

    /// dLoss/dlogits of the most recent `loss` call.
    public var lastGradient: Tensor {
        guard let g = gradient else { preconditionFailure("gradient read before loss") }
        return g
    }

    /// Stable logistic function.
    @inline(__always)
    public static func sigmoid(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
    }
}
