/// A value or claim needs a run that has no cache entry in a build that goes on without it
/// (`--keep-going` after the run failed or could not train, `--only`, a preview written while
/// runs still train): the value is written "(not trained)" and the claim is not checkable.
struct RunNotTrained: Error, CustomStringConvertible {
    /// The runs missing, as `id (hash prefix)`.
    let runs: [String]

    init(_ runs: [PlannedRun]) {
        self.runs = runs.map { "\($0.id) (\($0.hash.prefix(12)))" }
    }

    static let valueText = "(not trained)"

    var description: String { "run \(runs.joined(separator: ", ")) not trained" }
}
