/// Stochastic gradient descent with optional momentum, as PyTorch computes it:
/// b ← μb + g, p ← p − lr·b (plain SGD when μ = 0).
public final class SGD: Optimizer, SlicedUpdate {
    public let parameters: [Parameter]
    public let learningRate: Float
    public let momentum: Float
    private let velocities: [Tensor]
    private let slots: ParameterSlots

    public init(parameters: [Parameter], learningRate: Float, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        velocities = momentum == 0 ? [] : parameters.map { Tensor(shape: $0.value.shape) }
        slots = ParameterSlots(parameters)
    }

    public func step() { apply(parameters, zeroingGradients: true) }

    public func beginStep() {}

    public func update(_ parameters: [Parameter]) { apply(parameters, zeroingGradients: false) }

    /// Each thread updates its slice of every parameter.
    private func apply(_ list: [Parameter], zeroingGradients: Bool) {
        applyAcrossPool(list, zeroingGradients: zeroingGradients)
    }

    func apply(_ list: [Parameter], part: Int, of parts: Int, zeroingGradients: Bool) {
        KernelUsage.record(.swiftSGD)
        for p in list {
            update(p, ComputePool.range(part: part, of: parts, count: p.count, alignment: 16), zeroingGradients: zeroingGradients)
        }
    }

    @inline(__always)
    private func update(_ p: Parameter, _ r: Range<Int>, zeroingGradients: Bool) {
        let lr = learningRate, mu = momentum
        let w = p.value.data, g = p.gradient.data
        if mu == 0 {
            for i in r { w[i] -= lr * g[i] }
        } else {
            let b = velocities[slots[p]].data
            for i in r { let bi = mu * b[i] + g[i]; b[i] = bi; w[i] -= lr * bi }
        }
        if zeroingGradients { for i in r { g[i] = 0 } }
    }
}
