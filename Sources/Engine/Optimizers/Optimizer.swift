/// Updates parameters from their gradients.
///
/// Two ways to drive it: `step()` updates every parameter and zeroes the gradients (fused into the
/// same pass), for callers whose backward passes add into the gradients. A training step whose
/// first backward writes the gradients (`GradientNeeds.overwriting`) instead calls `beginStep()`
/// and then `update(_:)` for each layer as its backward finishes, which leaves the gradients as
/// they are: they need no zeroing, and each layer is updated while its gradients are in cache.
public protocol Optimizer: AnyObject {
    var parameters: [Parameter] { get }
    /// Updates every parameter, then zeroes the gradients.
    func step()
    /// Starts a step whose parameters are then updated by `update(_:)`, each exactly once.
    func beginStep()
    /// Updates `parameters` (some of this optimizer's) from their gradients; the gradients are only read.
    func update(_ parameters: [Parameter])
}

public extension Optimizer {
    /// Zeroes gradients without updating (e.g. after a backward run only to measure a norm).
    func zeroGradients() {
        for p in parameters { p.gradient.zero() }
    }
}

/// ‖g‖₂ over every parameter's gradient, accumulated in double precision.
public func gradientNorm(_ parameters: [Parameter]) -> Double {
    var total: Double = 0
    for p in parameters {
        let g = p.gradient.data
        var partial: Float = 0
        var i = 0
        // Sum in float blocks of 1024 (vectorised), then accumulate blocks in double.
        while i < p.count {
            let end = min(i + 1024, p.count)
            partial = 0
            for j in i..<end { partial += g[j] * g[j] }
            total += Double(partial)
            i = end
        }
    }
    return total.squareRoot()
}
