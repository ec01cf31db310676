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
        // b.html, a file ganbook wrote, is now a folder: its write fails.
        let b = notebook.site.appendingPathComponent("b.html")
        try FileManager.default.removeItem(at: b)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: false)
        try notebook.write("b.md", "# B\n\nChanged.\n")
        try notebook.write("c.md", "# C\n\nNew page.\n")
        let message = notebook.buildError()
        XCTAssertTrue(message.contains(b.path) && message.contains("cannot write file"), message)
        XCTAssertEqual(try notebook.html("index"), index, "the index never links to a page not written")
        XCTAssertEqual(try notebook.files().keys.filter { $0.contains(AtomicFile.temporaryPrefix) }, [])
    }

    func testTemporaryFilesOfAKilledBuildAreRemoved() throws {
        try notebook.write("a.md", "# A\n\nText.\n")
        let left = notebook.site.appendingPathComponent("\(AtomicFile.temporaryPrefix)123-a.html")
        let foreign = notebook.site.appendingPathComponent(".dat.nosync.mine")
        try Data("half".utf8).write(to: left)
        try Data("not ours".utf8).write(to: foreign)
        try notebook.build()
        XCTAssertFalse(FileManager.default.fileExists(atPath: left.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.path), "only names of ganbook's own form are removed")
    }
}
