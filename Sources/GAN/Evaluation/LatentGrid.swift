import Engine
import Foundation

/// A regular grid over the latent plane at uniform quantiles of N(0, 1) per axis: `side` points
/// whose probabilities are evenly spaced from Φ(−3) to Φ(3), so the grid spans [−3, 3]² and is
/// denser where p(z) is. For z_dim > 2 the grid lies in the first two dimensions, the others 0.
/// Rows run from high z₂ (top) to low, columns from low z₁ (left) to high.
public struct LatentGrid: Equatable, Sendable {
    public let side: Int
    public let zDim: Int

    public init(side: Int, zDim: Int) {
        precondition(side >= 2 && zDim >= 2, "a latent grid needs 2 sides and 2 dimensions")
        self.side = side
        self.zDim = zDim
    }

    /// The per-axis coordinates, ascending: Φ⁻¹ of evenly spaced probabilities in [Φ(−3), Φ(3)].
    public var coordinates: [Double] {
        let low = LatentGrid.normalCDF(-3), high = LatentGrid.normalCDF(3)
        return (0..<side).map { LatentGrid.normalQuantile(low + (high - low) * Double($0) / Double(side - 1)) }
    }

    /// side² noise vectors, row after row.
    public var noise: Tensor {
        let c = coordinates
        let z = Tensor(shape: [side * side, zDim])
        for row in 0..<side {
            for col in 0..<side {
                z.data[(row * side + col) * zDim] = Float(c[col])
                z.data[(row * side + col) * zDim + 1] = Float(c[side - 1 - row])
            }
        }
        return z
    }

    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Φ⁻¹(p) by bisection on Φ (exact to double rounding; called a few dozen times).
    static func normalQuantile(_ p: Double) -> Double {
        var low = -10.0, high = 10.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if normalCDF(mid) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
