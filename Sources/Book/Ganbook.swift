import Engine
import Foundation

/// The commands of the `ganbook` executable, one function each; the executable only parses arguments.
public enum Ganbook {
    public static let version = "0.1.0"

    /// Cores this process may use, the default thread count of training commands.
    public static var availableCores: Int { ComputePool.availableCores }

    /// Call first thing in `main`: re-executes the process when the BLAS library needs an
    /// environment variable set before it loads (nothing has run yet then, so this is safe).
    public static func prepareProcess() {
        BLASRuntime.reexecWithFastKernelIfNeeded()
    }

    /// `ganbook build`: plan every page, train runs with no cache entry, render the site.
    /// SIGINT and SIGTERM end it safely, saying what was kept and what was abandoned.
    public static func build(_ options: BuildOptions) throws {
        BuildInterruption.install(afterword: "site files not yet written keep their previous version (each file is whole); build again to finish")
        try SiteBuilder(options: options, console: .standard).build()
    }

    /// `ganbook train CONFIG.yaml --out DIR`.
    public static func train(_ options: TrainOptions) throws {
        BuildInterruption.install(afterword: "--out holds its previous contents or the whole new run, never a mix")
        try SingleRunTrainer(options: options, console: .standard).run()
    }

    /// `ganbook runs`: list, verify and prune cache entries.
    public static func listRuns(_ options: RunsOptions) throws {
        try RunsReport(options: options, console: .standard).run()
    }

    /// `ganbook plan`: the runs a build would train; with `.slurm` or `.parallel` output, job files for them.
    public static func plan(_ options: PlanOptions) throws {
        try JobPlanner(options: options, console: .standard).run()
    }

    /// `ganbook run HASH`: trains one planned run into the cache (a worker's whole job).
    public static func runOne(_ options: RunOptions) throws {
        BuildInterruption.install(afterword: "the cache holds the whole run or nothing of it")
        try HashRun(options: options, console: .standard).run()
    }

    /// `ganbook check`: every claim and inline value against the cache; fails when any does not hold.
    public static func check(_ options: CheckOptions) throws {
        try ClaimCheck(options: options, console: .standard).run()
    }

    /// `ganbook bench`.
    public static func bench(_ options: BenchOptions) throws {
        try Benchmark(options: options, console: .standard).run()
    }
}
