import XCTest
import Engine
@testable import Book
@testable import GAN

/// `precision: bf16` through a build: refused before anything trains on a CPU without
/// AVX512-BF16 (with the page and line), trained with the bf16 kernel and recorded where the CPU
/// has it, and deterministic there.
final class PrecisionBuildTests: NotebookTestCase {
    /// An AMD EPYC of the generation before Zen 4: AVX2, no AVX-512.
    private let zen3 = CPUFeatures(cpuinfo: "model name: AMD EPYC 7B13\nflags: sse2 avx avx2 fma f16c")

    private func stages() -> BuildStages {
        BuildStages(content: notebook.content.path, site: notebook.site.path,
                    templates: notebook.templates.path, console: .capturing { _ in })
    }

    func testABF16RunIsRefusedBeforeTrainingOnACPUWithoutIt() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "plain"),
                                                    SmallRun.directive(id: "half", extra: ["precision: bf16"])))
        var stages = stages()
        stages.cpu = zen3
        let plan = try stages.plan(try stages.loadPages())
        let missing = try stages.verifyCache(plan)
        XCTAssertEqual(missing.count, 2)
        let half = try XCTUnwrap(missing.first { $0.run.id == "half" })
        XCTAssertThrowsError(try stages.checkBeforeTraining(missing, search: DataSearchPath(locations: []),
                                                            plan: nil, templates: nil)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("page.md:\(half.run.line)"), message)
            XCTAssertTrue(message.contains("run half has precision: bf16"), message)
            XCTAssertTrue(message.contains("AVX512-BF16") && message.contains("AMD EPYC 7B13"), message)
            XCTAssertTrue(message.contains("precision: fp32"), "the message says what to do: \(message)")
            XCTAssertFalse(message.contains("run plain"), "the fp32 run is fine: \(message)")
        }
        // The same runs pass the check on a CPU that has the instruction.
        stages.cpu = CPUFeatures(cpuinfo: "model name: AMD EPYC 9R14\nflags: avx2 fma avx512f avx512bw avx512_bf16")
        XCTAssertNoThrow(try stages.checkBeforeTraining(missing, search: DataSearchPath(locations: []), plan: nil, templates: nil))
    }

    /// A whole build, plain and with --keep-going, on a CPU without AVX512-BF16.
    func testABuildOnACPUWithoutBF16TrainsNothingOrOnlyTheFP32Run() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "plain"),
                                                    SmallRun.directive(id: "half", extra: ["precision: bf16"])))
        let line = try XCTUnwrap(try stages().plan(try stages().loadPages()).distinctRuns.first { $0.run.id == "half" }).run.line
        var options = notebook.options()
        options.cpu = zen3
        var output = ""
        XCTAssertThrowsError(try SiteBuilder(options: options, console: .capturing { output += $0 }).build()) { error in
            XCTAssertTrue("\(error)".contains("page.md:\(line)") && "\(error)".contains("AVX512-BF16"), "\(error)")
        }
        XCTAssertFalse(output.contains("training"), "the build stops before training: \(output)")
        XCTAssertEqual(notebook.entryHashes, [], "nothing trained")

        options.keepGoing = true
        output = ""
        XCTAssertThrowsError(try SiteBuilder(options: options, console: .capturing { output += $0 }).build()) { error in
            output += "\(error)"
        }
        XCTAssertTrue(output.contains("page.md:\(line): half") && output.contains("AVX512-BF16"), output)
        XCTAssertEqual(notebook.entryHashes.count, 1, "the fp32 run trains: \(output)")
    }

    func testABF16RunTrainsWithTheBF16KernelAndTrainsTheSameTwice() throws {
        try XCTSkipIf(Precision.bf16.unavailability() != nil, "this CPU has no AVX512-BF16")
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "plain"),
                                                    SmallRun.directive(id: "half", extra: ["precision: bf16"])))
        try notebook.build()
        let hashes = try hashesByID()
        XCTAssertNotEqual(hashes["plain"], hashes["half"], "precision is hashed")
        let half = try runJSON(try XCTUnwrap(hashes["half"]))
        XCTAssertEqual(half["precision"] as? String, "bf16")
        let sgemm = try XCTUnwrap((half["kernels"] as? [String: String])?["sgemm"], "\(half)")
        // On tiles where Linux grants AMX, else on vdpbf16ps.
        XCTAssertTrue(sgemm.contains(BF16Kernel.current == .tiles ? "ganbook AMX-BF16" : "ganbook AVX512-BF16"), sgemm)
        XCTAssertEqual(try runJSON(try XCTUnwrap(hashes["plain"]))["precision"] as? String, "fp32")
        let metrics = try metricsCSV(try XCTUnwrap(hashes["half"]))
        XCTAssertNotEqual(metrics, try metricsCSV(try XCTUnwrap(hashes["plain"])), "bf16 rounding changes the run")

        var rerun = notebook.options()
        rerun.rerun = ["half"]
        try SiteBuilder(options: rerun, console: .capturing { _ in }).build()
        XCTAssertEqual(try metricsCSV(try XCTUnwrap(hashes["half"])), metrics, "a bf16 run is deterministic")
    }

    private func hashesByID() throws -> [String: String] {
        let stages = stages()
        let plan = try stages.plan(try stages.loadPages())
        return Dictionary(uniqueKeysWithValues: plan.distinctRuns.map { ($0.run.id, $0.run.hash) })
    }

    private func runJSON(_ hash: String) throws -> [String: Any] {
        let data = try Data(contentsOf: notebook.runs.appendingPathComponent(hash).appendingPathComponent("run.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func metricsCSV(_ hash: String) throws -> String {
        String(decoding: try Data(contentsOf: notebook.runs.appendingPathComponent(hash).appendingPathComponent("metrics.csv")), as: UTF8.self)
    }
}
