import XCTest
@testable import Book

/// The site is written file by file, each all at once, index.html last; temporary files of a
/// killed build are removed by the next one.
final class AtomicSiteWriteTests: NotebookTestCase {
    func testFailedWriteLeavesTheOldIndex() throws {
        try notebook.write("a.md", "# A\n\nFirst.\n")
        try notebook.write("b.md", "# B\n\nText.\n")
        try notebook.build()
        let index = try notebook.html("index")
        try notebook.write("b.md", "# B\n\nChanged.\n")
        try notebook.write("c.md", "# C\n\nNew page.\n")
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path,
                                 templates: notebook.templates.path, console: .capturing { _ in })
        let files = try stages.render(try stages.plan(try stages.loadPages()), templates: try stages.loadTemplates())
        // The write of b.html fails (a full disk, an I/O error) after a.html was written.
        var output = SiteOutput(siteURL: notebook.site)
        output.writeFile = { data, url in
            if url.lastPathComponent == "b.html" { throw FileProblem.error(url.path, "write file", code: ENOSPC) }
            try AtomicFile.write(data, to: url)
        }
        XCTAssertThrowsError(try output.write(files)) { error in
            XCTAssertTrue("\(error)".contains("b.html") && "\(error)".contains("cannot write file"), "\(error)")
        }
        XCTAssertEqual(try notebook.html("index"), index, "the index never links to a page not written")
        XCTAssertEqual(try notebook.files().keys.filter { $0.contains(AtomicFile.temporaryPrefix) }, [])
        try notebook.build()
        XCTAssertTrue(try notebook.html("index").contains("c.html"), "the next build finishes the site")
    }

    /// A folder where a generated file goes is found before anything is written.
    func testFolderInPlaceOfAPageIsRefusedBeforeAnyWrite() throws {
        try notebook.write("a.md", "# A\n\nFirst.\n")
        try notebook.write("b.md", "# B\n\nText.\n")
        try notebook.build()
        let before = try notebook.files()
        let b = notebook.site.appendingPathComponent("b.html")
        try FileManager.default.removeItem(at: b)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: false)
        try notebook.write("a.md", "# A\n\nChanged.\n")
        try notebook.write("c.md", "# C\n\nNew page.\n")
        let message = notebook.buildError()
        XCTAssertTrue(message.contains(b.path) && message.contains("not a regular file"), message)
        XCTAssertEqual(try notebook.files(), before.filter { $0.key != "b.html" }, "nothing was written")
    }

    /// Any page name that fits in the folder is writable (the temporary copy's name does not grow
    /// with it), and one whose HTML file cannot fit is refused before anything trains.
    func testLongPageNamesAreWrittenOrRefusedBeforeTraining() throws {
        let long = String(repeating: "x", count: 240)
        try notebook.write(long + ".md", "# Long\n\nText.\n")
        try notebook.build()
        XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent(long + ".html").path))
        let tooLong = String(repeating: "y", count: 251)
        try notebook.write(tooLong + ".md", SmallRun.page(title: "Too long", SmallRun.directive(id: "a")))
        let message = notebook.buildError()
        XCTAssertTrue(message.contains(tooLong + ".md") && message.contains("too long"), message)
        XCTAssertFalse(notebook.output.contains("training"), notebook.output)
    }

    func testTemporaryFilesOfAKilledBuildAreRemoved() throws {
        try notebook.write("a.md", "# A\n\nText.\n")
        let left = notebook.site.appendingPathComponent("\(AtomicFile.temporaryPrefix)123")
        let foreign = notebook.site.appendingPathComponent(".dat.nosync.mine")
        try Data("half".utf8).write(to: left)
        try Data("not ours".utf8).write(to: foreign)
        try notebook.build()
        XCTAssertFalse(FileManager.default.fileExists(atPath: left.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.path), "only names of ganbook's own form are removed")
    }

    /// A build killed while writing an asset folder, whose templates then drop that folder: the
    /// leftover goes with the folder's stale files.
    func testTemporaryFileInAFolderNoLongerWrittenIsRemoved() throws {
        try notebook.write("a.md", "# A\n\nText.\n")
        let fonts = notebook.templates.appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        try Data("font".utf8).write(to: fonts.appendingPathComponent("a.woff"))
        try notebook.build()
        let left = notebook.site.appendingPathComponent("fonts/\(AtomicFile.temporaryPrefix)77")
        try Data("half".utf8).write(to: left)
        try FileManager.default.removeItem(at: fonts)
        try notebook.build()
        XCTAssertFalse(FileManager.default.fileExists(atPath: left.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("fonts/a.woff").path))
    }
}
