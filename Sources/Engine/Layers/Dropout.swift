/// Inverted dropout: in training each element is kept with probability 1 − p and scaled by
/// 1/(1 − p), so inference is the identity. The mask comes from the layer's own generator,
/// seeded at construction, so a run's masks are a function of that seed; it is drawn on the
/// calling thread so the thread count does not change it.
public final class Dropout: Layer {
    public let probability: Float
    /// When true, training forwards reuse the current mask instead of drawing a new one
    /// (finite-difference checks need the same function on every evaluation).
    public var isMaskFrozen = false

    private var rng: RandomGenerator
    /// 0 or 1/(1 − p) per element, the shape of the last training input.
    private var mask: Tensor?
    private var usedMask = false
    private var output: Tensor?
    private var gradInput: Tensor?

    public init(_ probability: Float, seed: UInt64) {
        precondition(probability >= 0 && probability < 1, "dropout probability \(probability) is not in [0, 1)")
        self.probability = probability
        self.rng = RandomGenerator(seed: seed)
    }

    /// The mask of the most recent training forward (nil before the first one).
    public var currentMask: Tensor? { mask }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        let y = reuse(output, shape: x.shape)
        output = y
        usedMask = training && probability > 0
        guard usedMask else {
            y.data.update(from: x.data, count: x.count)
            return y
        }
        let reuseMask = isMaskFrozen && mask?.shape == x.shape
        let keep = reuse(mask, shape: x.shape)
        mask = keep
        if !reuseMask { draw(into: keep) }
        let src = x.data, m = keep.data, dst = y.data
        multiplyElementwise(src, m, into: dst, count: x.count)
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard needs.input else { return nil }
        let dx = reuse(gradInput, shape: dy.shape)
        gradInput = dx
        guard usedMask, let keep = mask else {
            dx.data.update(from: dy.data, count: dy.count)
            return dx
        }
        precondition(keep.shape == dy.shape, "Dropout.backward: gradient \(dy.shape) for mask \(keep.shape)")
        let g = dy.data, m = keep.data, d = dx.data
        multiplyElementwise(g, m, into: d, count: dy.count)
        return dx
    }

    public func outputShape(inputShape: [Int]) -> [Int] { inputShape }

    /// The mask is drawn for the whole batch: two batches as one would draw other masks.
    public var isSampleIndependent: Bool { probability == 0 }

    /// An element is dropped when its 24-bit uniform draw falls below p·2²⁴; each 64-bit number
    /// gives two draws (bits 40–63, then 8–31), which halves the generator's share of the cost.
    private func draw(into keep: Tensor) {
        let scale = 1 / (1 - probability)
        let threshold = UInt64((Double(probability) * 0x1p24).rounded())
        let m = keep.data, count = keep.count
        var generator = rng  // a local copy keeps exclusivity checks out of the loop
        var i = 0
        while i + 2 <= count {
            let bits = generator.next()
            m[i] = bits >> 40 < threshold ? 0 : scale
            m[i + 1] = (bits >> 8) & 0xFF_FFFF < threshold ? 0 : scale
            i += 2
        }
        if i < count { m[i] = generator.next() >> 40 < threshold ? 0 : scale }
        rng = generator
    }
}
