import XCTest
@testable import Book

/// Prose is not part of any run: editing it re-renders the page and trains nothing.
final class ProseChangeTests: NotebookTestCase {
    func testEditingProseRerendersThePageWithoutTraining() throws {
        try notebook.write("notes.md", SmallRun.page(title: "Notes", prose: "The first draft.", SmallRun.directive(id: "a")))
        try notebook.build()
        let entries = notebook.entryHashes
        XCTAssertEqual(entries.count, 1)
        let cacheBefore = try notebook.files(under: notebook.runs)
        let datesBefore = try notebook.modificationDates(under: notebook.runs)
        let htmlBefore = try notebook.html("notes")

        try notebook.write("notes.md", SmallRun.page(title: "Notes", prose: "A *second* draft.", SmallRun.directive(id: "a")))
        try notebook.build()

        XCTAssertEqual(notebook.summaryCount("trained"), 0, notebook.output)
        XCTAssertEqual(notebook.summaryCount("reused"), 1, notebook.output)
        XCTAssertEqual(notebook.runFolderNames, entries, "no new entry, no leftovers")
        XCTAssertEqual(try notebook.files(under: notebook.runs), cacheBefore)
        XCTAssertEqual(try notebook.modificationDates(under: notebook.runs), datesBefore)
        let htmlAfter = try notebook.html("notes")
        XCTAssertNotEqual(htmlAfter, htmlBefore)
        XCTAssertTrue(htmlAfter.contains("A <em>second</em> draft."))
        XCTAssertFalse(htmlAfter.contains("The first draft."))
        XCTAssertGreaterThanOrEqual(notebook.summaryCount("file(s)") ?? 0, 1, notebook.output)
    }
}
