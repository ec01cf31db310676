import XCTest
@testable import Book

/// `ganbook runs --prune` removes only unused folders named by a run hash, refuses when the
/// notebook cannot say what is used, and `--dry-run` deletes nothing.
final class PruneTests: NotebookTestCase {
    var report = ""

    func runs(prune: Bool = true, dryRun: Bool = false, content: URL? = nil) throws {
        report = ""
        try RunsReport(options: RunsOptions(content: (content ?? notebook.content).path, site: notebook.site.path,
                                            prune: prune, dryRun: dryRun),
                       console: .capturing { self.report += $0 }).run()
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a"), SmallRun.directive(id: "b", seed: 2)))
        try notebook.build()
    }

    var entries: [String] { notebook.entryHashes.filter(RunCache.isRunHash) }

    func testOnlyUnusedHashFoldersAreRemovedAndListed() throws {
        let hashes = entries
        let kept = notebook.runs.appendingPathComponent(hashes[0])
        // A folder holding a run under a name that is not a hash is not a cache entry.
        let copy = notebook.runs.appendingPathComponent("my-copy")
        try FileManager.default.copyItem(at: kept, to: copy)
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))

        try runs(dryRun: true)
        XCTAssertEqual(entries.count, 2, "a dry run deletes nothing: \(report)")
        XCTAssertTrue(report.contains("would remove"), report)

        try runs()
        XCTAssertEqual(entries.count, 1, report)
        let gone = Set(hashes).subtracting(entries)
        XCTAssertTrue(report.contains("removing \(notebook.runs.appendingPathComponent(gone.first!).path)"), report)
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.appendingPathComponent("run.json").path),
                      "a folder not named by a hash is never pruned")
    }

    func testEmptyNotebookRefusesToPrune() throws {
        let empty = notebook.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertThrowsError(try runs(content: empty)) { XCTAssertTrue("\($0)".contains("no pages"), "\($0)") }
        XCTAssertEqual(notebook.entryHashes.count, 2)
    }

    func testNotebookWithoutDirectivesRefusesToPrune() throws {
        let prose = notebook.root.appendingPathComponent("prose")
        try FileManager.default.createDirectory(at: prose, withIntermediateDirectories: true)
        try Data("# Only prose\n\nText.\n".utf8).write(to: prose.appendingPathComponent("page.md"))
        XCTAssertThrowsError(try runs(content: prose)) { XCTAssertTrue("\($0)".contains("no page has a gan block"), "\($0)") }
        XCTAssertEqual(notebook.entryHashes.count, 2)
    }
}
