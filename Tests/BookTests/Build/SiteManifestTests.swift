import XCTest
@testable import Book

/// A build deletes only stale files of its manifest: hand-written files in the site folder
/// survive every build, frozen or not, whatever folder the site is.
final class SiteManifestTests: NotebookTestCase {
    func build(site: URL, frozen: Bool = false) throws {
        try SiteBuilder(options: BuildOptions(content: notebook.content.path, site: site.path,
                                              templates: notebook.templates.path, data: nil, threads: 1, frozen: frozen),
                        console: .capturing { _ in }).build()
    }

    func testHandWrittenFilesSurviveEveryBuild() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        let handWritten = ["about.html", "notes/draft.html", "CNAME"]
        for name in handWritten {
            let url = notebook.site.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("mine \(name)".utf8).write(to: url)
        }
        try build(site: notebook.site)
        try build(site: notebook.site, frozen: true)
        try FileManager.default.removeItem(at: notebook.content.appendingPathComponent("page.md"))
        try build(site: notebook.site, frozen: true)
        let files = try notebook.files()
        for name in handWritten { XCTAssertEqual(files[name], Data("mine \(name)".utf8), name) }
        XCTAssertNil(files["page.html"], "the generated page of a removed source is stale and goes")
    }

    func testSiteFolderHoldingTheNotebookKeepsEveryOtherFile() throws {
        // --site . : the site folder is the notebook folder itself.
        try notebook.write("page.md", "# Page\n\nText.\n")
        let readme = notebook.root.appendingPathComponent("readme.html")
        try Data("hand".utf8).write(to: readme)
        try build(site: notebook.root)
        try build(site: notebook.root, frozen: true)
        XCTAssertEqual(try Data(contentsOf: readme), Data("hand".utf8))
        XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.content.appendingPathComponent("page.md").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.root.appendingPathComponent("page.html").path))
    }

    func testManifestIsSortedAndStable() throws {
        try notebook.write("b.md", "# B\n\nText.\n")
        try notebook.write("a.md", "# A\n\nText.\n")
        try build(site: notebook.site)
        let url = notebook.site.appendingPathComponent(SiteManifest.fileName)
        let first = try Data(contentsOf: url)
        let lines = String(decoding: first, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(lines.map { String($0.dropFirst(66)) }, ["a.html", "b.html", "evolution.js", "index.html", "style.css"])
        let page = try Data(contentsOf: notebook.site.appendingPathComponent("a.html"))
        XCTAssertEqual(lines.first.map(String.init), SiteManifest.digest(page) + "  a.html", "the format of sha256sum")
        try build(site: notebook.site)
        XCTAssertEqual(try Data(contentsOf: url), first)
    }

    func testManifestCannotWidenDeletion() throws {
        try notebook.write("page.md", "# Page\n\nText.\n")
        try build(site: notebook.site)
        let outside = notebook.root.appendingPathComponent("outside.html")
        try Data("keep".utf8).write(to: outside)
        let target = notebook.root.appendingPathComponent("target.html")
        try Data("keep".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: notebook.site.appendingPathComponent("linked.html"), withDestinationURL: target)
        try FileManager.default.createDirectory(at: notebook.site.appendingPathComponent("folder.html"), withIntermediateDirectories: true)
        let manifest = notebook.site.appendingPathComponent(SiteManifest.fileName)
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text += "../outside.html\n\(outside.path)\nlinked.html\nfolder.html\n"
        try Data(text.utf8).write(to: manifest)
        try build(site: notebook.site)
        XCTAssertEqual(try Data(contentsOf: outside), Data("keep".utf8))
        XCTAssertEqual(try Data(contentsOf: target), Data("keep".utf8))
        XCTAssertEqual(FileKind.of(notebook.site.appendingPathComponent("linked.html").path), .symlink, "a link is never deleted")
        XCTAssertEqual(FileKind.of(notebook.site.appendingPathComponent("folder.html").path), .directory)
    }

    /// The manifest is input too: a line naming a file proves nothing unless the file still holds
    /// the bytes ganbook wrote there.
    func testHandEditedManifestNamingTheAuthorsFilesDeletesNothing() throws {
        try notebook.write("page.md", "# Page\n\nText.\n")
        try build(site: notebook.site)
        let mine = ["notes.html", "mine.css", "sub/user.html"]
        for name in mine {
            let url = notebook.site.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("mine \(name)".utf8).write(to: url)
        }
        let manifest = notebook.site.appendingPathComponent(SiteManifest.fileName)
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text += "notes.html\n" + String(repeating: "0", count: 64) + "  mine.css\n"
            + SiteManifest.digest(Data("other bytes".utf8)) + "  sub/user.html\n"
        try Data(text.utf8).write(to: manifest)
        try build(site: notebook.site)
        try build(site: notebook.site, frozen: true)
        for name in mine {
            XCTAssertEqual(try Data(contentsOf: notebook.site.appendingPathComponent(name)), Data("mine \(name)".utf8), name)
        }
        XCTAssertFalse(try String(contentsOf: manifest, encoding: .utf8).contains("mine.css"), "lines that are not ganbook's go")
    }

    /// A generated file edited by hand is the author's now: a stale one is kept, a current one is
    /// not overwritten (the build says so).
    func testGeneratedFileEditedByHandIsNeitherDeletedNorOverwritten() throws {
        try notebook.write("page.md", "# Page\n\nText.\n")
        try notebook.write("other.md", "# Other\n\nText.\n")
        try build(site: notebook.site)
        let edited = Data("<p>my edit</p>".utf8)
        try edited.write(to: notebook.site.appendingPathComponent("page.html"))
        try edited.write(to: notebook.site.appendingPathComponent("other.html"))
        try notebook.write("other.md", "# Other\n\nNew text.\n")
        XCTAssertThrowsError(try build(site: notebook.site)) { error in
            XCTAssertTrue("\(error)".contains("other.html"), "\(error)")
            XCTAssertTrue("\(error)".contains("changed since ganbook generated it"), "\(error)")
        }
        try FileManager.default.removeItem(at: notebook.content.appendingPathComponent("other.md"))
        try FileManager.default.removeItem(at: notebook.content.appendingPathComponent("page.md"))
        try build(site: notebook.site)
        XCTAssertEqual(try Data(contentsOf: notebook.site.appendingPathComponent("page.html")), edited)
        XCTAssertEqual(try Data(contentsOf: notebook.site.appendingPathComponent("other.html")), edited)
    }

    func testGeneratedNameTakenByAHandWrittenFileIsRefused() throws {
        try notebook.write("page.md", "# Page\n\nText.\n")
        try build(site: notebook.site)
        try notebook.write("new.md", "# New\n\nText.\n")
        try Data("mine".utf8).write(to: notebook.site.appendingPathComponent("new.html"))
        XCTAssertThrowsError(try build(site: notebook.site)) { error in
            XCTAssertTrue("\(error)".contains("new.html"), "\(error)")
            XCTAssertTrue("\(error)".contains("not generated by ganbook"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: notebook.site.appendingPathComponent("new.html")), Data("mine".utf8))
    }
}
