import XCTest
@testable import Book

/// A partial entry is removed only when no process holds its run's lock, whatever pid namespace
/// the writer lives in (no pid is read): checked with a second process holding the lock.
final class LockedPartialTests: ExecutableNotebookTestCase {
    func testPartialOfALiveWriterInAnotherProcessSurvivesABuild() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        let hash = String(repeating: "5e", count: 32)
        let cache = RunCache(site: notebook.site)
        try cache.createRoot()
        let partial = notebook.runs.appendingPathComponent("\(RunCache.partialPrefix)\(hash)-42")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data("iteration\n".utf8).write(to: partial.appendingPathComponent("metrics.csv"))

        // Another process holds the run's lock, as a writer in another container would.
        let holder = try LockHolder(cache.lockURL(hash))
        defer { holder.end() }

        let first = try ganbook.run(EndToEndTests.buildArguments, in: notebook.root)
        XCTAssertEqual(first.status, 0, first.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: partial.path), "a live writer's partial is kept")

        holder.end()
        let second = try ganbook.run(EndToEndTests.buildArguments, in: notebook.root)
        XCTAssertEqual(second.status, 0, second.all)
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial.path), "an abandoned partial is removed")
        XCTAssertEqual(notebook.runFolderNames, notebook.entryHashes, "no lock file or partial left")
    }
}
