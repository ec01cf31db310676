/// Updates parameters from their accumulated gradients, then zeroes the gradients
/// (fused into the same pass, so the next backward can accumulate from zero without a second sweep).
public protocol Optimizer: AnyObject {
    var parameters: [Parameter] { get }
    func step()
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
