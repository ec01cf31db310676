import XCTest
@testable import GAN

/// Configurations that are valid key by key but cannot run are refused when decoded, with the
/// file line, before anything trains.
final class FeasibilityTests: XCTestCase {
    private func failure(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> GANError? {
        do {
            _ = try RunConfig.decode(yaml: yaml, file: "page.md", firstLine: 10)
            XCTFail("decoded without error", file: file, line: line)
            return nil
        } catch {
            return error as? GANError
        }
    }

    func testSubsetSmallerThanABatchIsRefusedAtItsLine() {
        let error = failure("dataset: mnist\nclasses: [3]\nsubset: 10\nbatch_size: 64\n")
        XCTAssertEqual(error?.line, 12)
        XCTAssertEqual(error?.keyPath, "subset")
        XCTAssertEqual(error?.kind, .conflict)
        XCTAssertTrue(error?.message.contains("subset 10 is smaller than batch_size 64") ?? false, "\(String(describing: error))")
        XCTAssertNoThrow(try RunConfig.decode(yaml: "subset: 64\nbatch_size: 64\n", file: "page.md"))
    }

    func testModelTooLargeForAnyMachineIsRefusedWithTheEstimateAndTheMachine() throws {
        let layers = Array(repeating: "8192", count: 200).joined(separator: ", ")
        let config = try RunConfig.decode(yaml: "dataset: mnist\ngenerator: {hidden: [\(layers)]}\n", file: "page.md",
                                          firstLine: 10)
        XCTAssertThrowsError(try config.checkMemory(file: "page.md", line: 10)) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.line, 10)
            let message = error?.message ?? ""
            XCTAssertTrue(message.hasPrefix("the run needs about 2"), message)
            XCTAssertTrue(message.contains(" GB of memory"), message)
            XCTAssertTrue(message.contains("the machine has "), message)
        }
        XCTAssertNoThrow(try RunConfig().checkMemory(file: "page.md", line: 1), "the default run fits")
    }

    func testMemoryIsJudgedAgainstTheMachine() throws {
        let big = try RunConfig.decode(yaml: "generator: {hidden: [8192, 8192, 8192, 8192]}\nbatch_size: 4096\n",
                                       file: "page.md")
        let small = MachineMemory(total: 2 * 1024 * 1024 * 1024, available: 1024 * 1024 * 1024)
        let problems = big.feasibilityProblems(machine: small)
        XCTAssertEqual(problems.map(\.keys.first), ["generator"])
        XCTAssertTrue(problems[0].message.contains("more than the 819 MB it may use here (80% of 1.0 GB available; the machine has 2.0 GB)"),
                      problems[0].message)
        XCTAssertEqual(RunConfig().feasibilityProblems(machine: small), [], "the default run fits in 1 GB")
        XCTAssertEqual(big.feasibilityProblems(machine: nil), [], "no memory check where the machine is unknown")
    }

    func testDecodingNeverJudgesMemoryTrainingDoes() throws {
        let yaml = "generator: {hidden: [8192, 8192, 8192, 8192]}\nbatch_size: 4096\n"
        let small = MachineMemory(total: 2 * 1024 * 1024 * 1024, available: 1024 * 1024 * 1024)
        // A configuration read back from the cache trained already, perhaps on a larger machine.
        let config = try RunConfig.decode(yaml: yaml, file: "config.json")
        XCTAssertThrowsError(try config.checkMemory(machine: small, file: "page.md", line: 3))
        XCTAssertNoThrow(try config.checkMemory(machine: nil, file: "page.md", line: 3), "no memory check where the machine is unknown")
    }

    func testLoggedRowsAreBounded() throws {
        let error = failure("dataset: ring8\niterations: 100000000\nlog_every: 1\n")
        XCTAssertEqual(error?.keyPath, "log_every")
        XCTAssertEqual(error?.line, 12)
        XCTAssertTrue(error?.message.contains("more than the 100000 a run may log") ?? false, error?.message ?? "")
        XCTAssertTrue(error?.hint?.contains("log_every: 1001 or more") ?? false, error?.hint ?? "")
        // Epochs count too: 10,000 passes over 60,000 examples in batches of 64, logged every step.
        XCTAssertEqual(failure("dataset: mnist\nepochs: 10000\nlog_every: 1\n")?.keyPath, "log_every")
        XCTAssertNoThrow(try RunConfig.decode(yaml: "dataset: ring8\niterations: 100000000\nlog_every: 1001\n",
                                              file: "page.md", firstLine: 10))
    }

    func testMachineMemoryIsReadFromProcMeminfo() {
        let memory = MachineMemory.parse("MemTotal:       24683584 kB\nMemFree:        23032920 kB\nMemAvailable:   2048 kB\n")
        XCTAssertEqual(memory, MachineMemory(total: 24683584 * 1024, available: 2048 * 1024))
        XCTAssertNil(MachineMemory.parse("nothing here"))
        XCTAssertNotNil(MachineMemory.current, "this test runs on Linux")
    }

    /// Peak resident memory (VmHWM) measured with `ganbook train` on the shipped configurations
    /// (debug build, 2 threads): the estimate stays within a factor of two of each.
    func testEstimatesOfTheShippedRunsAreWithinTwiceTheirMeasuredPeaks() throws {
        let measured: [(yaml: String, megabytes: Double)] = MemoryEstimateMeasurements.shipped
        for (yaml, peak) in measured {
            let estimate = MemoryEstimate(try RunConfig.decode(yaml: yaml, file: "page.md")).total / 1024 / 1024
            XCTAssertLessThanOrEqual(estimate, 2 * peak, "\(yaml): estimate \(estimate) MB, measured \(peak) MB")
            XCTAssertGreaterThanOrEqual(estimate, peak / 2, "\(yaml): estimate \(estimate) MB, measured \(peak) MB")
        }
    }
}
