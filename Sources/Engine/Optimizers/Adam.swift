import Foundation

/// Adam (Kingma & Ba) exactly as PyTorch computes it:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − (lr/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε).
public final class Adam: Optimizer {
    public let parameters: [Parameter]
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public private(set) var stepCount = 0
    private let firstMoments: [Tensor]
    private let secondMoments: [Tensor]

    public init(parameters: [Parameter], learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = parameters.map { Tensor(shape: $0.value.shape) }
        secondMoments = parameters.map { Tensor(shape: $0.value.shape) }
    }

    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let stepSize = Float(Double(learningRate) / (1 - pow(Double(beta1), t)))
        let rootCorrection2 = Float((1 - pow(Double(beta2), t)).squareRoot())
        let b1 = beta1, b2 = beta2, eps = epsilon
        let pool = ComputePool.shared
        // One hand-off for the whole model: each thread updates its slice of every parameter.
        pool.run { part in
            for (index, p) in parameters.enumerated() {
                let r = ComputePool.range(part: part, of: pool.threadCount, count: p.count, alignment: 16)
                Adam.update(r, weights: p.value.data, gradients: p.gradient.data, first: firstMoments[index].data,
                            second: secondMoments[index].data, b1: b1, b2: b2, eps: eps, stepSize: stepSize,
                            rootCorrection2: rootCorrection2)
            }
        }
    }

    /// The update over `range`, 16 lanes at a time (the compiler cannot prove the four buffers
    /// distinct, so it would not vectorise the scalar loop), then a scalar tail.
    @inline(__always)
    static func update(_ range: Range<Int>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
                       first m: UnsafeMutablePointer<Float>, second v: UnsafeMutablePointer<Float>,
                       b1: Float, b2: Float, eps: Float, stepSize: Float, rootCorrection2: Float) {
        typealias V = SIMD16<Float>
        var i = range.lowerBound
        let invRoot = 1 / rootCorrection2
        while i + 16 <= range.upperBound {
            let gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            let mi = b1 * UnsafeRawPointer(m + i).loadUnaligned(as: V.self) + (1 - b1) * gi
            let vi = b2 * UnsafeRawPointer(v + i).loadUnaligned(as: V.self) + (1 - b2) * gi * gi
            let wi = UnsafeRawPointer(w + i).loadUnaligned(as: V.self) - stepSize * mi / (vi.squareRoot() * invRoot + eps)
            UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V.self)
            UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V.self)
            UnsafeMutableRawPointer(w + i).storeBytes(of: wi, as: V.self)
            UnsafeMutableRawPointer(g + i).storeBytes(of: V(repeating: 0), as: V.self)
            i += 16
        }
        while i < range.upperBound {
            let gi = g[i]
            let mi = b1 * m[i] + (1 - b1) * gi
            let vi = b2 * v[i] + (1 - b2) * gi * gi
            m[i] = mi
            v[i] = vi
            w[i] -= stepSize * mi / (vi.squareRoot() * invRoot + eps)
            g[i] = 0
            i += 1
        }
    }
}
