/// The hinge loss of geometric GAN (Lim & Ye 2017) and SN-GAN (Miyato et al. 2018): D minimises
/// max(0, 1 − y·D(x)) with y = 2t − 1 (y = 1 real, −1 generated; smoothing and flipping move
/// and swap it), G minimises −D(G(z)). D's output is used raw. The hinge's gradient at its kink
/// is taken as 0.
public final class HingeGANLoss: AdversarialLoss {
    public init() {}

    public func discriminatorLoss(logits: Tensor, rows: Range<Int>, targets: [Float], gradient: Tensor) -> Float {
        checkLossArguments(logits, rows, targets, gradient)
        let n = Float(rows.count)
        var total: Double = 0
        for i in 0..<rows.count {
            let row = rows.lowerBound + i
            let y = 2 * targets[i] - 1
            let margin = 1 - y * logits.data[row]
            total += Double(max(margin, 0))
            gradient.data[row] = margin > 0 ? -y / n : 0
        }
        return Float(total / Double(rows.count))
    }

    public func generatorLoss(logits: Tensor, gradient: Tensor) -> Float {
        let rows = 0..<logits.count
        checkLossArguments(logits, rows, nil, gradient)
        let n = Float(rows.count)
        var total: Double = 0
        for row in rows {
            total -= Double(logits.data[row])
            gradient.data[row] = -1 / n
        }
        return Float(total / Double(rows.count))
    }
}
