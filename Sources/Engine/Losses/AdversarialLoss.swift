/// One GAN objective: D's loss and G's loss on D's logits, each writing its gradient with
/// respect to the logits into a buffer the caller owns (so a training step allocates nothing and
/// no gradient is read back from a previous call).
///
/// D's loss takes a target per row in [0, 1]: 1 means "real", 0 "generated"; one-sided label
/// smoothing and label flipping move or swap them. Every loss averages over the rows it is given.
public protocol AdversarialLoss: AnyObject {
    /// D's loss on `logits[rows]`, row `rows.lowerBound + i` against `targets[i]`; writes
    /// ∂loss/∂logit into `gradient` at the same rows (other rows are left alone).
    func discriminatorLoss(logits: Tensor, rows: Range<Int>, targets: [Float], gradient: Tensor) -> Float
    /// G's loss on D's logits for a generated batch; writes ∂loss/∂logit into `gradient`.
    func generatorLoss(logits: Tensor, gradient: Tensor) -> Float
}

extension AdversarialLoss {
    /// D's loss over every row of `logits`.
    public func discriminatorLoss(logits: Tensor, targets: [Float], gradient: Tensor) -> Float {
        discriminatorLoss(logits: logits, rows: 0..<logits.count, targets: targets, gradient: gradient)
    }
}

/// Shared checks of the losses' arguments.
@inline(__always)
func checkLossArguments(_ logits: Tensor, _ rows: Range<Int>, _ targets: [Float]?, _ gradient: Tensor) {
    precondition(rows.upperBound <= logits.count && gradient.count >= rows.upperBound,
                 "rows \(rows) of \(logits.count) logits, gradient of \(gradient.count)")
    if let targets { precondition(targets.count == rows.count, "\(targets.count) targets for rows \(rows)") }
}
