import XCTest
import Notebook

final class PageLoadingTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        let file = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func testIndexFirstThenOrderThenTitle() throws {
        try write("zeta.md", "# Alpha\n")
        try write("b.md", "---\norder: 2\n---\n")
        try write("a.md", "---\norder: 10\n---\n")
        try write("index.md", "---\norder: 50\n---\n# Home\n")
        try write("c.md", "# beta\n")
        try write("notes.txt", "not a page")
        try write("drafts/d.md", "# Nested, not read\n")
        try write(".hidden.md", "# Hidden\n")
        let pages = try Notebook.loadPages(in: folder, directiveKinds: PageParsing.siteKinds)
        XCTAssertEqual(pages.map(\.slug), ["index", "b", "a", "zeta", "c"])
        XCTAssertEqual(pages.map(\.isIndex), [true, false, false, false, false])
        XCTAssertEqual(pages[0].title, "Home")
        XCTAssertEqual(pages[1].sourcePath, folder.appendingPathComponent("b.md").relativePath)
    }

    func testErrorsNameThePage() throws {
        try write("broken.md", "```gan\nid: a\n")
        XCTAssertThrowsError(try Notebook.loadPages(in: folder, directiveKinds: ["gan"])) { error in
            XCTAssertEqual(error as? NotebookError,
                           NotebookError(file: self.folder.appendingPathComponent("broken.md").relativePath, line: 1,
                                         message: "gan directive: the fence opened here is never closed"))
        }
    }

    func testMissingFolder() {
        let missing = folder.appendingPathComponent("nope")
        XCTAssertThrowsError(try Notebook.loadPages(in: missing, directiveKinds: [])) { error in
            XCTAssertEqual(error as? NotebookError,
                           NotebookError(file: missing.relativePath, line: nil, message: "content folder not found"))
        }
    }

    func testFileInsteadOfFolder() throws {
        try write("page.md", "x")
        XCTAssertThrowsError(try Notebook.loadPages(in: folder.appendingPathComponent("page.md"), directiveKinds: []))
    }

    func testEmptyFolderHasNoPages() throws {
        XCTAssertEqual(try Notebook.loadPages(in: folder, directiveKinds: []), [])
    }
}
