/// How long a run trains: YAML `epochs` or `iterations` (exactly one; default 20 epochs).
public enum TrainingLength: Equatable, Sendable {
    /// Passes over the (filtered) training set.
    case epochs(Int)
    /// Generator steps.
    case iterations(Int)

    /// The default length of a run.
    public static let defaultLength = TrainingLength.epochs(20)
}
