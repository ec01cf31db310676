import Foundation

/// Adam (Kingma & Ba) exactly as PyTorch computes it:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − (lr/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε).
public final class Adam: Optimizer, GradientConsumer, SlicedUpdate {
    public let parameters: [Parameter]
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public private(set) var stepCount = 0
    private let firstMoments: [Tensor]
    private let secondMoments: [Tensor]
    private let slots: ParameterSlots
    private var coefficients: AdamKernel.Coefficients
    /// By slot: updated this step inside its gradient product (`consumeGradient`).
    private var consumed: [Bool]

    public init(parameters: [Parameter], learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.value.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.value.shape) }
        slots = ParameterSlots(parameters)
        coefficients = AdamKernel.Coefficients(b1: beta1, b2: beta2, eps: epsilon, stepSize: 0, invRoot: 0)
        consumed = Array(repeating: false, count: parameters.count)
    }

    public func step() {
        beginStep()
        apply(parameters, zeroingGradients: true)
    }

    public func beginStep() {
        stepCount += 1
        let t = Double(stepCount)
        coefficients.stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
        coefficients.invRoot = 1 / Float((1 - pow(Double(beta2), t)).squareRoot())
        for slot in consumed.indices { consumed[slot] = false }
    }

    public func consumeGradient(of parameter: Parameter) -> AdamInStore? {
        precondition(stepCount > 0, "Adam.consumeGradient before beginStep")
        guard let slot = slots.slot(of: parameter) else { return nil }
        consumed[slot] = true
        return AdamInStore(weights: parameter.value.data, first: firstMoments[slot].data,
                           second: secondMoments[slot].data, leadingDimension: parameter.value.rowLength,
                           coefficients: coefficients)
    }

    public func update(_ parameters: [Parameter]) {
        apply(parameters, zeroingGradients: false)
    }

    /// One hand-off for the whole list: each thread updates its slice of every parameter
    /// (small lists stay on the calling thread).
    private func apply(_ list: [Parameter], zeroingGradients: Bool) {
        precondition(stepCount > 0, "Adam.update before beginStep")
        var total = 0
        for p in list { total += p.count }
        let pool = ComputePool.shared
        if total < 32_768 || pool.threadCount == 1 {
            apply(list, part: 0, of: 1, zeroingGradients: zeroingGradients)
            return
        }
        applyAcrossPool(list, zeroingGradients: zeroingGradients, pool: pool)
    }

    func apply(_ list: [Parameter], part: Int, of parts: Int, zeroingGradients: Bool) {
        for p in list {
            let range = ComputePool.range(part: part, of: parts, count: p.count, alignment: 16)
            let slot = slots[p]
            if range.isEmpty || consumed[slot] { continue }
            let start = range.lowerBound, g = p.gradient.data + start
            AdamKernel.apply(count: range.count, weights: p.value.data + start, gradients: g,
                             first: firstMoments[slot].data + start, second: secondMoments[slot].data + start,
                             coefficients)
            if zeroingGradients { g.update(repeating: 0, count: range.count) }
        }
    }
}
