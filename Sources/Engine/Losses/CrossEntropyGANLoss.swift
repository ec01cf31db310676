import Foundation

/// The original GAN's D loss, binary cross-entropy on logits: −t·log σ(x) − (1 − t)·log(1 − σ(x)),
/// in the stable form max(x, 0) − x·t + log(1 + e^−|x|); gradient (σ(x) − t) / N.
/// G's loss is the non-saturating −log σ(D(G(z))) or the minimax log(1 − σ(D(G(z)))).
public final class CrossEntropyGANLoss: AdversarialLoss {
    /// Whether G minimises log(1 − σ(x)) (the minimax game) instead of −log σ(x).
    public let minimax: Bool

    public init(minimax: Bool) { self.minimax = minimax }

    public func discriminatorLoss(logits: Tensor, rows: Range<Int>, targets: [Float], gradient: Tensor) -> Float {
        checkLossArguments(logits, rows, targets, gradient)
        return Self.crossEntropy(logits, rows, gradient, sign: 1) { targets[$0] }
    }

    /// Non-saturating: BCE(x, 1). Minimax: −BCE(x, 0) = log(1 − σ(x)), gradient −σ(x) / N.
    public func generatorLoss(logits: Tensor, gradient: Tensor) -> Float {
        let rows = 0..<logits.count
        checkLossArguments(logits, rows, nil, gradient)
        return minimax
            ? Self.crossEntropy(logits, rows, gradient, sign: -1) { _ in 0 }
            : Self.crossEntropy(logits, rows, gradient, sign: 1) { _ in 1 }
    }

    /// sign · mean BCE(x, t) over `rows`, its gradient written to the same rows.
    private static func crossEntropy(_ logits: Tensor, _ rows: Range<Int>, _ gradient: Tensor, sign: Float,
                                     target: (Int) -> Float) -> Float {
        let n = Float(rows.count)
        var total: Double = 0
        for i in 0..<rows.count {
            let row = rows.lowerBound + i
            let x = logits.data[row], t = target(i)
            total += Double(max(x, 0) - x * t + Foundation.log1p(Foundation.exp(-abs(x))))
            gradient.data[row] = sign * (BinaryCrossEntropyWithLogits.sigmoid(x) - t) / n
        }
        return sign * Float(total / Double(rows.count))
    }
}
