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

    /// A name shaped like a run hash does not make something ganbook's: a link, a file and a folder
    /// holding anything but a run's files (also a run's files plus someone's) are left alone.
    func testHashNamedThingsGanbookDidNotWriteAreNeverPruned() throws {
        let files = FileManager.default
        let mine = notebook.root.appendingPathComponent("mine")
        try files.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: mine.appendingPathComponent("p.txt"))
        func name(_ digit: Character) -> URL { notebook.runs.appendingPathComponent(String(repeating: digit, count: 64)) }
        try files.createSymbolicLink(at: name("a"), withDestinationURL: mine)
        try Data("precious".utf8).write(to: name("b"))
        try files.createDirectory(at: name("c"), withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: name("c").appendingPathComponent("photo.jpg"))
        try files.copyItem(at: notebook.runs.appendingPathComponent(entries[0]), to: name("d"))
        try Data("precious".utf8).write(to: name("d").appendingPathComponent("samples/notes.txt"))
        try files.copyItem(at: notebook.runs.appendingPathComponent(entries[0]), to: name("e"))

        // Each is damaged (none hashes to its name): runs reports it, and fails after pruning.
        XCTAssertThrowsError(try runs()) { XCTAssertTrue("\($0)".contains("damaged"), "\($0)") }
        for digit in "abcd" { XCTAssertNotEqual(FileKind.of(name(digit).path), .missing, "\(digit): \(report)") }
        XCTAssertEqual(FileKind.of(name("e").path), .missing, "an unused entry of ganbook's goes: \(report)")
        XCTAssertEqual(try Data(contentsOf: mine.appendingPathComponent("p.txt")), Data("precious".utf8))
        XCTAssertTrue(report.contains("\(name("c").path) is named like a cache entry but is not one ganbook wrote"), report)
        XCTAssertEqual(notebook.runFolderNames.filter { $0.hasPrefix(RunCache.partialPrefix) }, [], "nothing left half deleted")
    }

    /// A notebook none of whose runs is cached here is another notebook, or another site: every
    /// entry would look unused.
    func testCacheThatIsNotTheNotebooksRefusesToPrune() throws {
        let other = notebook.root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data(SmallRun.page(title: "Other", SmallRun.directive(id: "x", seed: 99)).utf8)
            .write(to: other.appendingPathComponent("page.md"))
        XCTAssertThrowsError(try runs(content: other)) {
            XCTAssertTrue("\($0)".contains("does not look like the notebook's"), "\($0)")
        }
        XCTAssertEqual(entries.count, 2)
    }

    /// site/runs as a link to a folder elsewhere: neither pruning nor a build reads or deletes
    /// through it.
    func testCacheFolderThatIsALinkIsRefused() throws {
        let elsewhere = notebook.root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: notebook.runs, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: notebook.runs, withDestinationURL: elsewhere)
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        XCTAssertThrowsError(try runs()) { XCTAssertTrue("\($0)".contains("is a symbolic link"), "\($0)") }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).filter(RunCache.isRunHash).count, 2)
        XCTAssertTrue(notebook.buildError(frozen: true).contains("is a symbolic link"))
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
