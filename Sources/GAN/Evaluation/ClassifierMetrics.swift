import Foundation

/// The image metrics read off the classifier: `fcd` (Fréchet distance between its penultimate
/// features on generated and real images), the class histogram, `classes_covered` (classes with
/// ≥ 1% of samples), `class_kl` (KL of the histogram to uniform), `confident` (share with max
/// softmax ≥ 0.9) and `classifier_score` (exp E[KL(p(y|x) ‖ p(y))], at most 10).
public final class ClassifierMetrics: SnapshotMetric {
    public let classifier: Classifier
    public var keys: [String] { EvaluationKey.classifierKeys }
    /// The real reference's statistics, computed on first use (the same real sample every call).
    private var realStatistics: (count: Int, stats: GaussianStatistics)?

    public init(classifier: Classifier) { self.classifier = classifier }

    public func measure(generated: Snapshot, real: Snapshot) -> [String: Double] {
        let realStats = statistics(of: real)
        let (features, probabilities) = classifier.measure(generated.values, count: generated.count)
        var values = ClassifierMetrics.classStatistics(probabilities, count: generated.count)
        let stats = GaussianStatistics(features: features, count: generated.count, dimension: classifier.config.features)
        values[EvaluationKey.fcd] = FrechetDistance.squared(stats, realStats)
        return values
    }

    func statistics(of real: Snapshot) -> GaussianStatistics {
        if let cached = realStatistics, cached.count == real.count { return cached.stats }
        let features = classifier.measure(real.values, count: real.count).features
        let stats = GaussianStatistics(features: features, count: real.count, dimension: classifier.config.features)
        realStatistics = (real.count, stats)
        return stats
    }

    /// Everything but `fcd`, from class probabilities (`count` rows of 10).
    public static func classStatistics(_ p: [Float], count: Int) -> [String: Double] {
        let k = Classifier.classes
        var histogram = [Double](repeating: 0, count: k)
        var marginal = [Double](repeating: 0, count: k)
        var confident = 0
        for row in 0..<count {
            histogram[Classifier.argmax(p, row: row)] += 1
            var top: Float = 0
            for c in 0..<k {
                marginal[c] += Double(p[row * k + c])
                top = max(top, p[row * k + c])
            }
            if top >= 0.9 { confident += 1 }
        }
        let n = Double(max(count, 1))
        histogram = histogram.map { $0 / n }
        marginal = marginal.map { $0 / n }
        var meanKL = 0.0
        for row in 0..<count {
            for c in 0..<k {
                let q = Double(p[row * k + c])
                if q > 0 && marginal[c] > 0 { meanKL += q * log(q / marginal[c]) }
            }
        }
        meanKL /= n
        var values: [String: Double] = [
            EvaluationKey.classesCovered: Double(histogram.filter { $0 >= 0.01 }.count),
            EvaluationKey.classKL: histogram.reduce(0) { $1 > 0 ? $0 + $1 * log($1 * Double(k)) : $0 },
            EvaluationKey.confident: Double(confident) / n,
            EvaluationKey.classifierScore: exp(meanKL),
        ]
        for c in 0..<k { values[EvaluationKey.classHist(c)] = histogram[c] }
        return values
    }
}
