/// LSGAN (Mao et al. 2017), with the 0-1 coding a = 0, b = 1, c = 1: D minimises
/// ½(D(x) − t)² (t = 1 real, 0 generated, moved by smoothing and flipping), G minimises
/// ½(D(G(z)) − 1)². D's output is used raw (no sigmoid). Gradient (x − t) / N.
public final class LeastSquaresGANLoss: AdversarialLoss {
    public init() {}

    public func discriminatorLoss(logits: Tensor, rows: Range<Int>, targets: [Float], gradient: Tensor) -> Float {
        checkLossArguments(logits, rows, targets, gradient)
        return Self.halfSquares(logits, rows, gradient) { targets[$0] }
    }

    public func generatorLoss(logits: Tensor, gradient: Tensor) -> Float {
        let rows = 0..<logits.count
        checkLossArguments(logits, rows, nil, gradient)
        return Self.halfSquares(logits, rows, gradient) { _ in 1 }
    }

    private static func halfSquares(_ logits: Tensor, _ rows: Range<Int>, _ gradient: Tensor,
                                    target: (Int) -> Float) -> Float {
        let n = Float(rows.count)
        var total: Double = 0
        for i in 0..<rows.count {
            let row = rows.lowerBound + i
            let difference = logits.data[row] - target(i)
            total += Double(0.5 * difference * difference)
            gradient.data[row] = difference / n
        }
        return Float(total / Double(rows.count))
    }
}
