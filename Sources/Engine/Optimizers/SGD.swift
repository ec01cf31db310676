/// Stochastic gradient descent with optional momentum, as PyTorch computes it:
/// b ← μb + g, p ← p − lr·b (plain SGD when μ = 0).
public final class SGD: Optimizer {
    public let parameters: [Parameter]
    public let learningRate: Float
    public let momentum: Float
    private let velocities: [Tensor]

    public init(parameters: [Parameter], learningRate: Float, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        velocities = momentum == 0 ? [] : parameters.map { Tensor(shape: $0.value.shape) }
    }

    public func step() {
        let lr = learningRate, mu = momentum
        let pool = ComputePool.shared
        pool.run { part in
            for (index, p) in parameters.enumerated() {
                let r = ComputePool.range(part: part, of: pool.threadCount, count: p.count, alignment: 16)
                let w = p.value.data, g = p.gradient.data
                if mu == 0 {
                    for i in r { w[i] -= lr * g[i]; g[i] = 0 }
                } else {
                    let b = velocities[index].data
                    for i in r { let bi = mu * b[i] + g[i]; b[i] = bi; w[i] -= lr * bi; g[i] = 0 }
                }
            }
        }
    }
}
