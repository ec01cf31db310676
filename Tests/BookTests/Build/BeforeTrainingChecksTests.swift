import XCTest
@testable import Book

/// Problems that would lose a run's result are found before anything trains: an unwritable site
/// or cache (item 13), a dataset any missing run needs (item 14), and sources that resolve
/// outside their folders (item 15).
final class BeforeTrainingChecksTests: NotebookTestCase {
    func build(site: URL? = nil, data: String? = nil) -> String {
        var output = ""
        do {
            try SiteBuilder(options: BuildOptions(content: notebook.content.path, site: (site ?? notebook.site).path,
                                                  templates: notebook.templates.path, data: data, threads: 1, frozen: false),
                            console: .capturing { output += $0 }).build()
            XCTFail("the build should fail: \(output)")
        } catch {
            XCTAssertFalse(output.contains("training"), "nothing may train: \(output)")
            return "\(error)"
        }
        return ""
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
    }

    func testSiteThatIsAFileFailsBeforeTraining() throws {
        let file = notebook.root.appendingPathComponent("site-file")
        try Data("x".utf8).write(to: file)
        let message = build(site: file)
        XCTAssertTrue(message.contains(file.path) && message.contains("is a file"), message)
        XCTAssertFalse(message.contains("NSError") || message.contains("Domain="), message)
    }

    func testRunsThatIsAFileFailsBeforeTraining() throws {
        try Data("x".utf8).write(to: notebook.runs)
        let message = build()
        XCTAssertTrue(message.contains(notebook.runs.path) && message.contains("is not a folder"), message)
    }

    func testMissingDatasetOfALaterRunFailsBeforeTheFirstTrains() throws {
        let empty = notebook.root.appendingPathComponent("no-data")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        setenv("GANBOOK_DATA", empty.path, 1)
        defer { unsetenv("GANBOOK_DATA") }
        let page = SmallRun.page(title: "Page", SmallRun.directive(id: "first"),
                                 "```gan\nid: later\ndataset: mnist\nepochs: 1\n```\n")
        try notebook.write("page.md", page)
        let message = build(data: empty.path)
        let line = (page.components(separatedBy: "\n").firstIndex(of: "id: later") ?? -1) + 1
        XCTAssertTrue(message.contains("page.md:\(line): run later needs mnist"), message)
        XCTAssertEqual(notebook.entryHashes, [])
    }

    func testPageLinkedFromOutsideIsRefused() throws {
        let outside = notebook.root.appendingPathComponent("private.md")
        try Data("# Private\n\nsecret\n".utf8).write(to: outside)
        let link = notebook.content.appendingPathComponent("leak.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let message = build()
        XCTAssertTrue(message.contains(link.path) && message.contains("outside"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("leak.html").path))
    }

    func testTemplateLinkedFromOutsideIsRefused() throws {
        let outside = notebook.root.appendingPathComponent("passwd.css")
        try Data("secret".utf8).write(to: outside)
        let link = notebook.templates.appendingPathComponent("extra.css")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let message = build()
        XCTAssertTrue(message.contains(link.path) && message.contains("outside"), message)
    }

    func testLinkInsideTheFolderIsAccepted() throws {
        try FileManager.default.createSymbolicLink(at: notebook.content.appendingPathComponent("alias.md"),
                                                   withDestinationURL: notebook.content.appendingPathComponent("page.md"))
        try notebook.write("page.md", "# Page\n\nText.\n")
        try notebook.build()
        XCTAssertNotNil(try notebook.files()["alias.html"])
    }
}

/// A FIFO where a page or template should be is refused, never read (it would hang the build).
final class SpecialSourceFileTests: NotebookTestCase {
    func testFIFOPageIsRefused() throws {
        let fifo = notebook.content.appendingPathComponent("pipe.md")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let message = notebook.buildError()
        XCTAssertTrue(message.contains(fifo.path) && message.contains("not a regular file"), message)
    }

    func testFIFOTemplateIsRefused() throws {
        let fifo = notebook.templates.appendingPathComponent("extra.mustache")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let message = notebook.buildError()
        XCTAssertTrue(message.contains(fifo.path) && message.contains("not a regular file"), message)
    }
}

/// A run too large for this machine's memory is refused before any run trains (item 9), while
/// its page still plans: the check belongs to training, not to reading the page.
final class MemoryCheckBeforeTrainingTests: NotebookTestCase {
    func testRunTooLargeForThisMachineStopsTheBuildBeforeTheFirstRunTrains() throws {
        let layers = Array(repeating: "8192", count: 200).joined(separator: ", ")
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "small"),
                                                    "```gan\nid: huge\ndataset: ring8\ngenerator: {hidden: [\(layers)]}\n```\n"))
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("page.md:") && message.contains("of memory") && message.contains("the machine has"),
                      message)
        XCTAssertFalse(notebook.output.contains("training"), "nothing may train: \(notebook.output)")
        XCTAssertEqual(notebook.entryHashes, [])
    }
}
