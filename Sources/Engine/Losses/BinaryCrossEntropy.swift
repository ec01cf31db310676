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

    /// Loss over logits[rows] alone, row `rows.lowerBound + i` against `targets[i]`, averaged over
    /// those rows; the gradient is written for those rows only. Two batches that went through a
    /// model as one take one call each and get exactly the losses and gradients of separate passes.
    public func loss(logits: Tensor, rows: Range<Int>, targets: [Float]) -> Float {
        precondition(targets.count == rows.count && rows.upperBound <= logits.count,
                     "\(targets.count) targets for rows \(rows) of \(logits.count) logits")
        return loss(logits: logits, rows: rows) { targets[$0] }
    }

    private func loss(logits: Tensor, target: (Int) -> Float) -> Float {
        loss(logits: logits, rows: 0..<logits.count, target: target)
    }

    private func loss(logits: Tensor, rows: Range<Int>, target: (Int) -> Float) -> Float {
        let n = rows.count
        let grad = reuse(gradient, shape: logits.shape)
        gradient = grad
        var total: Double = 0
        for i in 0..<n {
            let x = logits.data[rows.lowerBound + i], t = target(i)
            total += Double(max(x, 0) - x * t + Foundation.log1p(Foundation.exp(-abs(x))))
            grad.data[rows.lowerBound + i] = (Self.sigmoid(x) - t) / Float(n)
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
