import ArgumentParser
import Book

extension BenchArguments.Model: ExpressibleByArgument {}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure full GAN iterations per second of the reference models (use a release build).")

    @Option(help: "mlp, dcgan or all.") var model: BenchArguments.Model = .all
    @Option(help: ArgumentHelp("Thread counts to measure, e.g. 1,2 (default: 1 and all cores).", valueName: "counts"),
            transform: { try BenchArguments.threadCounts($0) }) var threads: [Int]?
    @Option(help: ArgumentHelp("Precisions to measure, e.g. fp32 or fp32,bf16 (bf16 needs AVX512-BF16).",
                               valueName: "list"),
            transform: { try BenchArguments.precisions($0) }) var precision: [BenchArguments.Precision] = [.fp32]
    @Option(help: "Seconds to measure each case.") var seconds: Double = 5
    @Option(help: "Measure exactly this many iterations of each case instead (after the 5 warm-up ones), e.g. for instruction counts under a profiler.")
    var iterations: Int?
    @Flag(help: "Print a JSON list instead of a table.") var json = false
    @Option(help: "Measure every case this many times, round-robin, and report the median.") var rounds = 1
    @Option(help: ArgumentHelp("Also measure the PyTorch and JAX reference scripts in this folder, in the same rounds.",
                               valueName: "folder")) var peers: String?
    @Option(help: "The Python (with torch and jax installed) that runs the reference scripts.") var python = "python3"

    func run() throws {
        try Ganbook.bench(BenchOptions(model: model, threads: threads, precisions: precision, seconds: seconds,
                                       iterations: iterations, json: json, rounds: rounds, peers: peers, python: python))
    }
}
