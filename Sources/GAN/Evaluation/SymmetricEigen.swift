/// Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations, in double
/// precision. Small matrices only (feature covariances, 128×128): O(n³) per sweep, a few sweeps.
struct SymmetricEigen {
    /// Eigenvalues, in the order of `vectors`' columns.
    let values: [Double]
    /// n×n, row-major; column j is the eigenvector of `values[j]`.
    let vectors: [Double]
    let size: Int

    /// - Parameter matrix: n×n row-major, symmetric (only symmetric input is meaningful).
    init(_ matrix: [Double], size n: Int) {
        precondition(matrix.count == n * n, "\(matrix.count) values for a \(n)×\(n) matrix")
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0, total = 0.0
            for i in 0..<n {
                for j in 0..<n {
                    let x = a[i * n + j] * a[i * n + j]
                    total += x
                    if i != j { off += x }
                }
            }
            if off <= 1e-24 * max(total, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<n {
                    let apq = a[p * n + q]
                    if abs(apq) < 1e-300 { continue }
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    // A ← Jᵀ A J, rows and columns p and q.
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        values = (0..<n).map { a[$0 * n + $0] }
        vectors = v
        size = n
    }

    /// V · diag(f(λ)) · Vᵀ, row-major.
    func applying(_ f: (Double) -> Double) -> [Double] {
        let n = size
        let scaled = values.map(f)
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                var sum = 0.0
                for k in 0..<n { sum += vectors[i * n + k] * scaled[k] * vectors[j * n + k] }
                out[i * n + j] = sum
                out[j * n + i] = sum
            }
        }
        return out
    }
}
