import XCTest
@testable import Book

/// A build is a function of content, templates and cache: building again changes no byte.
final class RebuildTests: NotebookTestCase {
    func testSecondBuildIsByteIdenticalAndChangesNoFile() throws {
        try notebook.write("page.md", SmallRun.page(
            title: "Two runs", SmallRun.directive(id: "a", seed: 1), SmallRun.directive(id: "b", seed: 2),
            "```gan-compare\nruns: [a, b]\nmetric: loss_d_fake\n```\n", "```gan-table\n```\n"))
        try notebook.write("other.md", "---\ntitle: Prose only\nsummary: No runs here.\n---\n\nJust text.\n")
        try notebook.build()
        let first = try notebook.files()
        let dates = try notebook.modificationDates(under: notebook.site)
        XCTAssertNotNil(first["page.html"])
        XCTAssertNotNil(first["other.html"])

        try notebook.build()

        XCTAssertEqual(notebook.summaryCount("trained"), 0, notebook.output)
        XCTAssertEqual(notebook.summaryCount("file(s)"), 0, notebook.output)
        let second = try notebook.files()
        XCTAssertEqual(second.keys.sorted(), first.keys.sorted())
        for (path, data) in first { XCTAssertEqual(second[path], data, path) }
        XCTAssertEqual(try notebook.modificationDates(under: notebook.site), dates, "no file rewritten")
    }

    func testRemovedPageIsDeletedFromTheSite() throws {
        try notebook.write("gone.md", "# Gone soon\n\nText.\n")
        try notebook.build()
        XCTAssertNotNil(try notebook.files()["gone.html"])
        try FileManager.default.removeItem(at: notebook.content.appendingPathComponent("gone.md"))
        try notebook.build()
        XCTAssertNil(try notebook.files()["gone.html"])
        XCTAssertFalse(try notebook.html("index").contains("gone.html"))
    }
}
