/// When a run has diverged: a loss (or D's mean output) is no longer a finite number, so the
/// weights have overflowed and every later iteration computes NaN. Training stops there and the
/// run is kept as a result that says so, under `Evaluation.divergedAtIteration`.
///
/// Only what every iteration measures counts, so the iteration found does not depend on
/// `log_every` (gradient norms, measured on logged iterations alone, may overflow one step earlier).
enum Divergence {
    static func isDiverged(_ stats: StepStatistics) -> Bool {
        ![stats.lossG, stats.lossDReal, stats.lossDFake, stats.dReal, stats.dFake].allSatisfy(\.isFinite)
    }

    /// The row logged at the iteration of divergence when it was not a detailed one: what was not
    /// measured is NaN rather than a misleading 0.
    static func markingUnmeasured(_ stats: StepStatistics) -> StepStatistics {
        var marked = stats
        marked.gradNormG = .nan
        marked.gradNormD = .nan
        marked.gradNormDLoss = .nan
        marked.fakeMean = .nan
        marked.fakeStd = .nan
        marked.realMean = .nan
        marked.realStd = .nan
        return marked
    }
}
