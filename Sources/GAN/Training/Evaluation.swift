/// End-of-run numbers for eval.json.
///
/// Images: D's last verdicts and a diversity ratio (mean pairwise distance between generated
/// samples divided by the same for real samples: near 1 for varied output, near 0 when G has
/// collapsed onto a few images). 2-D mixtures: modes covered and the share of good samples.
public enum Evaluation {
    public static let finalDReal = "final_d_real"
    public static let finalDFake = "final_d_fake"
    public static let diversity = "diversity"
    /// The iteration at which a loss or statistic stopped being finite; training stopped there.
    /// Present only for runs that diverged.
    public static let divergedAtIteration = "diverged_at_iteration"
    /// Every key eval.json may hold.
    public static let keys = [divergedAtIteration, diversity, finalDFake, finalDReal, MixtureEvaluation.highQualityFraction,
                              MixtureEvaluation.modesCovered, MixtureEvaluation.modesTotal]

    static func evaluate(_ result: TrainingResult, dataset: Dataset, lastStats: StepStatistics?) -> [String: Double] {
        var values: [String: Double] = [:]
        if let last = lastStats {
            values[finalDReal] = Double(last.dReal)
            values[finalDFake] = Double(last.dFake)
        }
        let generated = result.finalSnapshot
        let real = result.realSample
        let realSpread = meanPairwiseDistance(real)
        if realSpread > 0 { values[diversity] = meanPairwiseDistance(generated) / realSpread }
        if let mixture = dataset.mixture {
            for (name, value) in MixtureEvaluation.evaluate(points: generated.values, mixture: mixture) {
                values[name] = value
            }
        }
        return values
    }

    /// Mean Euclidean distance over all pairs of samples.
    static func meanPairwiseDistance(_ snapshot: Snapshot) -> Double {
        let size = snapshot.values.count / max(snapshot.count, 1)
        guard snapshot.count > 1, size > 0 else { return 0 }
        var total: Double = 0
        snapshot.values.withUnsafeBufferPointer { v in
            for i in 0..<snapshot.count {
                for j in (i + 1)..<snapshot.count {
                    var sum: Float = 0
                    for k in 0..<size { let d = v[i * size + k] - v[j * size + k]; sum += d * d }
                    total += Double(sum.squareRoot())
                }
            }
        }
        return total / Double(snapshot.count * (snapshot.count - 1) / 2)
    }
}
