import ArgumentParser
import Book

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one run from a YAML configuration (the keys of a gan directive).")

    @Argument(help: "The run's YAML configuration.") var config: String
    @Option(help: "Folder to write metrics.csv, samples and provenance into.") var out: String
    @Flag(help: "Replace OUT if it holds a run written by ganbook train (never any other folder or file).") var force = false
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try Ganbook.train(TrainOptions(config: config, output: out, data: engine.data, threads: engine.threads,
                                    replace: force))
    }
}
