import XCTest
@testable import Book

/// A build killed while training leaves no cache entry, and the next build clears what a killed
/// build left half written.
final class KilledBuildTests: ExecutableNotebookTestCase {
    func testKilledTrainingLeavesNoEntryAndLeftoversAreCleared() throws {
        let long = "```gan\nid: long\ndataset: ring8\niterations: 200000\nbatch_size: 32\nlog_every: 1000\nsnapshots: 2\n```\n"
        try notebook.write("long.md", SmallRun.page(title: "Long", long))
        let build = try ganbook.start(["build", "--content", "content", "--site", "site", "--templates", "templates",
                                       "--threads", "1"], in: notebook.root)
        let started = build.waitForOutput(timeout: 30) { $0.contains("training [1/1] long/long") }
        guard started else {
            build.process.terminate()
            return XCTFail("the build did not start training: \(build.finish().all)")
        }
        usleep(1_500_000) // well into training
        XCTAssertTrue(build.process.isRunning, "200000 iterations should take far longer: \(build.stdout)")
        let pid = build.process.processIdentifier
        kill(pid, SIGKILL)
        let outcome = build.finish()
        XCTAssertEqual(build.process.terminationReason, .uncaughtSignal, outcome.all)
        XCTAssertEqual(notebook.entryHashes, [], "no complete entry after a kill")
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("long.html").path))

        // Training writes nothing until it ends, so only a kill during the final write leaves a
        // partial folder; plant one as that would (its run's lock free) and one of a live writer
        // (its run's lock held).
        let hash = String(repeating: "ab", count: 32), liveHash = String(repeating: "cd", count: 32)
        let dead = notebook.runs.appendingPathComponent("\(RunCache.partialPrefix)\(hash)-12345")
        let live = notebook.runs.appendingPathComponent("\(RunCache.partialPrefix)\(liveHash)-678")
        let liveLock = try XCTUnwrap(try FileLock.acquire(RunCache(site: notebook.site).lockURL(liveHash), wait: false))
        defer { liveLock.release() }
        for folder in [dead, live] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("samples"), withIntermediateDirectories: true)
            try Data("iteration\n".utf8).write(to: folder.appendingPathComponent("metrics.csv"))
        }

        try notebook.write("long.md", SmallRun.page(title: "Long", SmallRun.directive(id: "short")))
        try notebook.build()

        XCTAssertEqual(notebook.summaryCount("trained"), 1, notebook.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path), "a killed build's partial folder is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "a running build's partial folder is kept")
        XCTAssertEqual(notebook.runFolderNames,
                       [RunCache.lockPrefix + liveHash, live.lastPathComponent] + notebook.entryHashes)
    }
}
