import Engine

extension BuildOptions {
    /// Runs trained at once when `-j` is not given: one per four cores, so each run keeps
    /// several threads (small models gain little from more).
    public static var defaultJobs: Int { max(1, ComputePool.availableCores / 4) }

    /// Whether an option of `ControlledBuild` is in play.
    var usesBuildControls: Bool {
        only != nil || !rerun.isEmpty || dryRun || keepGoing || trainOnly != nil || (jobs ?? BuildOptions.defaultJobs) > 1
    }
}
