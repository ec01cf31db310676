/// Mode coverage and sample quality of generated 2-D points, as in the mode-collapse
/// literature (Unrolled GAN, VEEGAN, PacGAN).
///
/// Each generated point is assigned to its nearest mode centre. It is *high quality* when it lies
/// within 3 standard deviations of that centre. A mode is *covered* when it receives at least
/// 0.8% of the points as high-quality samples (PacGAN's rule: 20 of 2,500), and at least one.
public enum MixtureEvaluation {
    /// Metric names, as written to eval.json.
    public static let modesCovered = "modes_covered"
    public static let modesTotal = "modes_total"
    public static let highQualityFraction = "high_quality_fraction"
    /// Every key the mixture's evaluation writes (2-D runs only).
    public static let keys = [modesCovered, modesTotal, highQualityFraction]

    /// High-quality samples a mode needs to count as covered, per generated point.
    public static let coverageShare = 20.0 / 2500.0

    /// - Parameter points: x, y pairs (count a multiple of 2).
    /// - Returns: `modes_covered`, `modes_total`, `high_quality_fraction` (0 for no points).
    public static func evaluate(points: [Float], mixture: GaussianMixture) -> [String: Double] {
        precondition(points.count % 2 == 0, "points are x, y pairs")
        let pointCount = points.count / 2
        let radiusSquared = (3 * mixture.std) * (3 * mixture.std)
        var highQualityPerMode = [Int](repeating: 0, count: mixture.centers.count)
        for index in 0..<pointCount {
            let point = SIMD2(Double(points[2 * index]), Double(points[2 * index + 1]))
            var nearest = 0
            var nearestDistance = Double.infinity
            for (mode, center) in mixture.centers.enumerated() {
                let offset = point - center
                let distance = (offset * offset).sum()
                if distance < nearestDistance {
                    nearest = mode
                    nearestDistance = distance
                }
            }
            if nearestDistance <= radiusSquared { highQualityPerMode[nearest] += 1 }
        }
        let needed = max(1, Int((coverageShare * Double(pointCount)).rounded(.up)))
        let covered = highQualityPerMode.filter { $0 >= needed }.count
        let highQuality = highQualityPerMode.reduce(0, +)
        return [
            modesCovered: Double(covered),
            modesTotal: Double(mixture.centers.count),
            highQualityFraction: pointCount == 0 ? 0 : Double(highQuality) / Double(pointCount),
        ]
    }
}
