import Foundation

/// The commands of the `ganbook` executable, one function each; the executable only parses arguments.
public enum Ganbook {
    public static let version = "0.1.0"

    /// `ganbook build`: plan every page, train runs with no cache entry, render the site.
    public static func build(_ options: BuildOptions) throws {
        try SiteBuilder(options: options, console: .standard).build()
    }

    /// `ganbook train CONFIG.yaml --out DIR`.
    public static func train(_ options: TrainOptions) throws {
        try SingleRunTrainer(options: options, console: .standard).run()
    }

    /// `ganbook runs`: list, verify and prune cache entries.
    public static func listRuns(_ options: RunsOptions) throws {
        try RunsReport(options: options, console: .standard).run()
    }

    /// `ganbook bench`.
    public static func bench(_ options: BenchOptions) throws {
        try Benchmark(options: options, console: .standard).run()
    }
}
