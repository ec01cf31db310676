/// How the missing runs of a build were obtained.
struct TrainingTally {
    var trained = 0
    /// Runs another build trained while this one waited for them.
    var reused = 0
}
