/// The Fréchet (2-Wasserstein) distance between two Gaussians, as in FID (Heusel et al. 2017):
/// d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½).
///
/// The matrix square roots come from symmetric eigendecompositions (Σ₁^½ Σ₂ Σ₁^½ is symmetric
/// positive semi-definite, so its root's trace is the sum of the roots of its eigenvalues);
/// eigenvalues a rounding error below zero count as zero.
public enum FrechetDistance {
    public static func squared(_ a: GaussianStatistics, _ b: GaussianStatistics) -> Double {
        precondition(a.dimension == b.dimension, "feature sizes \(a.dimension) and \(b.dimension) differ")
        let n = a.dimension
        var meanTerm = 0.0
        for k in 0..<n { meanTerm += (a.mean[k] - b.mean[k]) * (a.mean[k] - b.mean[k]) }
        let rootA = SymmetricEigen(a.covariance, size: n).applying { max($0, 0).squareRoot() }
        // M = √Σ₁ · Σ₂ · √Σ₁
        let left = multiply(rootA, b.covariance, n)
        var middle = multiply(left, rootA, n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let s = (middle[i * n + j] + middle[j * n + i]) / 2
                middle[i * n + j] = s
                middle[j * n + i] = s
            }
        }
        let traceRoot = SymmetricEigen(middle, size: n).values.reduce(0) { $0 + max($1, 0).squareRoot() }
        var traces = 0.0
        for k in 0..<n { traces += a.covariance[k * n + k] + b.covariance[k * n + k] }
        return max(0, meanTerm + traces - 2 * traceRoot)
    }

    private static func multiply(_ x: [Double], _ y: [Double], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n {
                let xik = x[i * n + k]
                if xik == 0 { continue }
                for j in 0..<n { out[i * n + j] += xik * y[k * n + j] }
            }
        }
        return out
    }
}
