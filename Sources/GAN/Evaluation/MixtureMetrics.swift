import Foundation

/// Mode coverage and sample quality of generated 2-D points, as the mode-collapse literature
/// measures them on 2,500 samples (VEEGAN, PacGAN; PacGAN's released `MetricLogger`).
///
/// Each point goes to its nearest mode centre and is *high quality* when it lies within 3
/// standard deviations of it. `modes_covered`: modes with at least one high-quality sample (the
/// papers' code); `modes_covered_20`: modes with at least 0.8% of the points (20 of 2,500) as
/// high-quality samples, a stricter rule; `reverse_kl`: KL(q ‖ uniform) of the histogram q of
/// high-quality samples over the modes (0 when they are spread evenly, log K for one mode).
public final class MixtureMetrics: SnapshotMetric {
    public let mixture: GaussianMixture
    public var keys: [String] { EvaluationKey.mixtureKeys }

    public init(mixture: GaussianMixture) { self.mixture = mixture }

    public func measure(generated: Snapshot, real: Snapshot) -> [String: Double] {
        MixtureMetrics.evaluate(points: generated.values, mixture: mixture)
    }

    /// High-quality samples a mode needs under `modes_covered_20`, per generated point.
    public static let strictShare = 20.0 / 2500.0

    /// - Parameter points: x, y pairs.
    public static func evaluate(points: [Float], mixture: GaussianMixture) -> [String: Double] {
        precondition(points.count % 2 == 0, "points are x, y pairs")
        let pointCount = points.count / 2
        let limit = 3 * mixture.std
        var perMode = [Int](repeating: 0, count: mixture.centers.count)
        for index in 0..<pointCount {
            let point = SIMD2(Double(points[2 * index]), Double(points[2 * index + 1]))
            var nearest = 0, nearestDistance = Double.infinity
            for (mode, center) in mixture.centers.enumerated() {
                let offset = point - center
                let distance = (offset * offset).sum()
                if distance < nearestDistance { nearest = mode; nearestDistance = distance }
            }
            // PacGAN: a Mahalanobis distance strictly below 3.
            if nearestDistance.squareRoot() < limit { perMode[nearest] += 1 }
        }
        let needed = max(1, Int((strictShare * Double(pointCount)).rounded(.up)))
        let highQuality = perMode.reduce(0, +)
        var reverseKL = 0.0
        if highQuality > 0 {
            let k = Double(perMode.count)
            for count in perMode where count > 0 {
                let q = Double(count) / Double(highQuality)
                reverseKL += q * log(q * k)
            }
        } else {
            reverseKL = .nan
        }
        return [
            EvaluationKey.modesCovered: Double(perMode.filter { $0 >= 1 }.count),
            EvaluationKey.modesCovered20: Double(perMode.filter { $0 >= needed }.count),
            EvaluationKey.modesTotal: Double(perMode.count),
            EvaluationKey.highQualityFraction: pointCount == 0 ? 0 : Double(highQuality) / Double(pointCount),
            EvaluationKey.reverseKL: reverseKL,
        ]
    }
}
