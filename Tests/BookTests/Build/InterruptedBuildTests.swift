import XCTest
@testable import Book

/// SIGINT and SIGTERM end a build with a non-zero status, say what was kept and what was
/// abandoned, and leave no partial entry, lock file or temporary file.
final class InterruptedBuildTests: ExecutableNotebookTestCase {
    static let long = "```gan\nid: long\ndataset: ring8\niterations: 200000\nbatch_size: 32\nlog_every: 1000\nsnapshots: 2\n```\n"

    func interrupt(_ signalNumber: Int32, after text: String) throws -> GanbookExecutable.Outcome {
        let build = try ganbook.start(EndToEndTests.buildArguments, in: notebook.root)
        guard build.waitForOutput(timeout: 60, { $0.contains(text) }) else {
            build.process.terminate()
            XCTFail("never saw \(text): \(build.finish().all)")
            return build.finish()
        }
        usleep(500_000)
        kill(build.process.processIdentifier, signalNumber)
        return build.finish()
    }

    func testSIGINTDuringTheOnlyRunSaysItWasAbandoned() throws {
        try notebook.write("long.md", SmallRun.page(title: "Long", Self.long))
        let outcome = try interrupt(SIGINT, after: "training [1/1] long/long")
        XCTAssertNotEqual(outcome.status, 0, outcome.all)
        XCTAssertTrue(outcome.stderr.contains("interrupted by SIGINT"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("abandoned: long/long"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("kept: no run finished"), outcome.all)
        XCTAssertEqual(notebook.runFolderNames, [], "no entry, partial or lock file")
    }

    func testSIGTERMAfterOneRunSaysWhatWasKept() throws {
        try notebook.write("long.md", SmallRun.page(title: "Long", SmallRun.directive(id: "short"), Self.long))
        let outcome = try interrupt(SIGTERM, after: "training [2/2] long/long")
        XCTAssertNotEqual(outcome.status, 0, outcome.all)
        XCTAssertTrue(outcome.stderr.contains("interrupted by SIGTERM"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("kept (trained and cached): long/short"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("abandoned: long/long"), outcome.all)
        XCTAssertEqual(notebook.runFolderNames, notebook.entryHashes, "only complete entries")
        XCTAssertEqual(notebook.entryHashes.count, 1)
    }
}
