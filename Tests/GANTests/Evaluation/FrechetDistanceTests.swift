import XCTest
@testable import GAN
import Engine

/// The Fréchet distance of the classifier metric against closed forms.
final class FrechetDistanceTests: XCTestCase {
    /// Correlated Gaussian samples: x = A·n with n ~ N(0, I), plus `shift`.
    private func samples(_ count: Int, dimension: Int, shift: [Double], seed: UInt64) -> [Float] {
        var rng = RandomGenerator(seed: seed)
        var values = [Float](repeating: 0, count: count * dimension)
        for row in 0..<count {
            let n = (0..<dimension).map { _ in Double(rng.normal()) }
            for k in 0..<dimension {
                // A lower-triangular mixing: every coordinate depends on those before it.
                var x = 0.0
                for j in 0...k { x += n[j] * (j == k ? 1.0 : 0.3) }
                values[row * dimension + k] = Float(x + shift[k])
            }
        }
        return values
    }

    func testADistributionIsAtDistanceZeroFromItself() {
        let x = samples(4_000, dimension: 6, shift: Array(repeating: 0, count: 6), seed: 1)
        let stats = GaussianStatistics(features: x, count: 4_000, dimension: 6)
        XCTAssertEqual(FrechetDistance.squared(stats, stats), 0, accuracy: 1e-9)
    }

    func testAShiftedGaussianIsAtTheSquaredShift() {
        // Same covariance: the trace term vanishes and d² = ‖μ₁ − μ₂‖².
        let shift = [1.0, -2.0, 0.5, 0, 0, 3]
        let a = GaussianStatistics(features: samples(3_000, dimension: 6, shift: Array(repeating: 0, count: 6), seed: 2),
                                   count: 3_000, dimension: 6)
        let b = GaussianStatistics(mean: zip(a.mean, shift).map { $0 + $1 }, covariance: a.covariance)
        XCTAssertEqual(FrechetDistance.squared(a, b), shift.reduce(0) { $0 + $1 * $1 }, accuracy: 1e-6)
    }

    func testDifferentCovariancesMatchTheClosedForm() {
        // Diagonal covariances commute: d² = ‖Δμ‖² + Σ (√σ₁ − √σ₂)².
        let a = GaussianStatistics(mean: [0, 0, 0], covariance: [4, 0, 0, 0, 1, 0, 0, 0, 9])
        let b = GaussianStatistics(mean: [1, 0, 0], covariance: [1, 0, 0, 0, 1, 0, 0, 0, 1])
        XCTAssertEqual(FrechetDistance.squared(a, b), 1 + 1 + 0 + 4, accuracy: 1e-9)
        // A rotated (non-diagonal) pair: rotation leaves the distance unchanged.
        let c = 0.6, s = 0.8
        func rotate(_ d: [Double]) -> [Double] {  // R diag(d) Rᵀ in the first two coordinates
            [c * c * d[0] + s * s * d[1], c * s * (d[0] - d[1]), 0,
             c * s * (d[0] - d[1]), s * s * d[0] + c * c * d[1], 0,
             0, 0, d[2]]
        }
        let ra = GaussianStatistics(mean: [0, 0, 0], covariance: rotate([4, 1, 9]))
        let rb = GaussianStatistics(mean: [c, s, 0], covariance: rotate([1, 1, 1]))
        XCTAssertEqual(FrechetDistance.squared(ra, rb), 6, accuracy: 1e-9)
    }

    func testEigenvaluesOfASymmetricMatrix() {
        let eigen = SymmetricEigen([2, 1, 1, 2], size: 2)
        XCTAssertEqual(eigen.values.sorted()[0], 1, accuracy: 1e-12)
        XCTAssertEqual(eigen.values.sorted()[1], 3, accuracy: 1e-12)
    }
}
