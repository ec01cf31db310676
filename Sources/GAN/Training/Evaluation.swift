/// The names eval.json shares with the rest of ganbook (all declared in `EvaluationKey`).
public enum Evaluation {
    /// The iteration at which a loss or statistic stopped being finite; training stopped there.
    /// Present only for runs that diverged.
    public static let divergedAtIteration = EvaluationKey.divergedAtIteration
    /// Every key eval.json may hold.
    public static let keys = EvaluationKey.all
}
