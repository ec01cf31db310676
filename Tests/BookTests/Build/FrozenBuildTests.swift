import XCTest
@testable import Book

/// `--frozen` (CI) never trains: it lists what is missing, or renders from the cache alone.
final class FrozenBuildTests: NotebookTestCase {
    func testFrozenBuildListsEveryRunWithoutAnEntryAndTrainsNothing() throws {
        try notebook.write("cached.md", SmallRun.page(title: "Cached", SmallRun.directive(id: "old")))
        try notebook.build()
        let cached = notebook.entryHashes
        let siteBefore = try notebook.files()

        let newPage = SmallRun.page(title: "New", SmallRun.directive(id: "first", seed: 11),
                                    SmallRun.directive(id: "second", seed: 12))
        try notebook.write("new.md", newPage)
        try notebook.write("cached.md", SmallRun.page(title: "Cached", SmallRun.directive(id: "old"),
                                                      SmallRun.directive(id: "added", seed: 13)))
        let message = notebook.buildError(frozen: true)

        let lines = newPage.components(separatedBy: "\n")
        for id in ["first", "second"] {
            let line = (lines.firstIndex(of: "id: \(id)") ?? -1) + 1
            XCTAssertTrue(message.contains("new.md:\(line): \(id)"), "\(id) at line \(line) missing from: \(message)")
        }
        XCTAssertTrue(message.contains("cached.md:"), message)
        XCTAssertTrue(message.contains(": added"), message)
        XCTAssertFalse(message.contains(": old"), "a cached run is not listed: \(message)")
        XCTAssertTrue(message.contains("3 run(s)"), message)
        XCTAssertFalse(notebook.output.contains("training"), notebook.output)
        XCTAssertEqual(notebook.runFolderNames, cached, "nothing trained")
        XCTAssertEqual(try notebook.files(), siteBefore, "nothing written")
    }

    func testFrozenBuildWithAFullCacheWritesTheSameBytes() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a"),
                                                    "```gan-table\n```\n"))
        try notebook.build()
        let built = try notebook.files()

        // Pages are rendered again from the cache alone: remove them and build frozen.
        try FileManager.default.removeItem(at: notebook.site.appendingPathComponent("page.html"))
        try FileManager.default.removeItem(at: notebook.site.appendingPathComponent("index.html"))
        try notebook.build(frozen: true)

        XCTAssertEqual(notebook.summaryCount("trained"), 0, notebook.output)
        XCTAssertEqual(notebook.summaryCount("reused"), 1, notebook.output)
        XCTAssertEqual(notebook.summaryCount("file(s)"), 2, notebook.output)
        XCTAssertEqual(try notebook.files(), built)
    }
}
