import Foundation

/// A tiny seeded generator (SplitMix64) with Gaussian samples, so generated datasets are the
/// same on every machine and independent of the training RNG.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1): never 0, so its logarithm is finite.
    mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992  // 2^53
    }

    /// Two independent standard normal samples (Box-Muller).
    mutating func nextGaussianPair() -> (Double, Double) {
        let radius = (-2 * log(nextOpenUnit())).squareRoot()
        let angle = 2 * Double.pi * nextOpenUnit()
        return (radius * cos(angle), radius * sin(angle))
    }
}
