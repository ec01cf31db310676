/// What a notebook value counts over a set of runs: `training_time` (their summed `wall_seconds`)
/// or `run_count` (how many distinct runs).
enum NotebookMeasure: String, CaseIterable {
    case trainingTime = "training_time"
    case runCount = "run_count"

    /// The format used when the value names none: a training time reads as a duration.
    var defaultFormat: ValueFormat { self == .trainingTime ? .time : .automatic }
}
