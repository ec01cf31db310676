import XCTest
@testable import Book

/// `ganbook new "Title"` writes a page that plans cleanly, never overwrites, and names the file.
final class NewPageTests: NotebookTestCase {
    func create(_ title: String) throws -> String {
        try NewPage(options: NewPageOptions(title: title, content: notebook.content.path)).create()
    }

    func testCreatesAPageThatPlansWithItsTitleAndASmallRun() throws {
        let path = try create("Mode collapse: \"ring8\" again!")
        XCTAssertEqual(path, notebook.content.appendingPathComponent("mode-collapse-ring8-again.md").path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\ntitle: \"Mode collapse: \\\"ring8\\\" again!\"\n"), text)
        XCTAssertTrue(text.contains("# model:") && text.contains("# optimizer:") && text.contains("```gan\n"), text)
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: notebook.templates.path,
                                 console: .capturing { _ in })
        let plan = try stages.plan(try stages.loadPages())
        let page = try XCTUnwrap(plan.pages.first { $0.page.slug == "mode-collapse-ring8-again" })
        XCTAssertEqual(page.page.title, "Mode collapse: \"ring8\" again!")
        XCTAssertEqual(page.runs.count, 1)
        XCTAssertEqual(page.runs[0].config.dataset, .ring8)
    }

    func testRefusesToOverwriteAPageOrWriteThroughALink() throws {
        try notebook.write("notes.md", "# My notes\n\nHand-written.\n")
        XCTAssertThrowsError(try create("Notes")) { XCTAssertTrue("\($0)".contains("already exists"), "\($0)") }
        XCTAssertEqual(try String(contentsOf: notebook.content.appendingPathComponent("notes.md"), encoding: .utf8),
                       "# My notes\n\nHand-written.\n")
        let outside = notebook.root.appendingPathComponent("outside.md")
        try FileManager.default.createSymbolicLink(atPath: notebook.content.appendingPathComponent("linked.md").path,
                                                   withDestinationPath: outside.path)
        XCTAssertThrowsError(try create("Linked"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.path), "nothing is written through a link")
    }

    func testTitlesWithoutLettersAreRefused() {
        XCTAssertThrowsError(try create("  ")) { XCTAssertTrue("\($0)".contains("non-empty"), "\($0)") }
        XCTAssertThrowsError(try create("!!! ???")) { XCTAssertTrue("\($0)".contains("no letter or digit"), "\($0)") }
        XCTAssertEqual(PageSlug.from(title: "Über GANs — 2-D"), "ber-gans-2-d")
    }
}
