import ArgumentParser
import Book

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure full GAN iterations per second of the reference models (use a release build).")

    enum Model: String, ExpressibleByArgument, CaseIterable { case mlp, dcgan, all }

    @Option(help: "mlp, dcgan or all.") var model: Model = .all
    @Option(help: "Thread counts to measure, e.g. 1,2 (default: 1 and all cores).") var threads: String?
    @Option(help: "Seconds to measure each case.") var seconds: Double = 5
    @Flag(help: "Print a JSON list instead of a table.") var json = false
    @Option(help: "Measure every case this many times, round-robin, and report the median.") var rounds = 1
    @Option(help: ArgumentHelp("Also measure the PyTorch and JAX reference scripts in this folder, in the same rounds.",
                               valueName: "folder")) var peers: String?
    @Option(help: "The Python (with torch and jax installed) that runs the reference scripts.") var python = "python3"

    func run() throws {
        try Ganbook.bench(BenchOptions(models: model == .all ? ["mlp", "dcgan"] : [model.rawValue],
                                    threads: threads, seconds: seconds, json: json, rounds: rounds,
                                    peers: peers, python: python))
    }
}
