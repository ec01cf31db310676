import XCTest
@testable import Book

/// The cache's all-or-nothing writes, on their own (the build tests cover them in use).
final class RunCacheTests: XCTestCase {
    var notebook: NotebookFixture!
    var cache: RunCache!
    let hash = String(repeating: "0123456789abcdef", count: 4)

    override func setUpWithError() throws {
        notebook = try NotebookFixture()
        cache = RunCache(site: notebook.site)
    }

    override func tearDown() { notebook.cleanUp() }

    func files(_ text: String) -> [String: Data] {
        ["config.json": Data("{}\n".utf8), "samples/final.png": Data(text.utf8), "run.json": Data("{}\n".utf8)]
    }

    func testStoreWritesEveryFileAndLeavesNoPartialFolder() throws {
        XCTAssertTrue(try cache.store(hash, files: files("first")))
        XCTAssertTrue(cache.contains(hash))
        XCTAssertEqual(cache.hashes(), [hash])
        XCTAssertEqual(try notebook.files(under: cache.entry(hash)), files("first"))
        XCTAssertEqual(notebook.runFolderNames, [hash])
    }

    func testSecondStoreOfTheSameRunKeepsTheFirst() throws {
        try cache.store(hash, files: files("first"))
        XCTAssertFalse(try cache.store(hash, files: files("second")), "the later copy is discarded")
        XCTAssertEqual(try notebook.files(under: cache.entry(hash)), files("first"))
        XCTAssertEqual(notebook.runFolderNames, [hash])
    }

    func testFailedWriteLeavesNothing() throws {
        // "samples" as a file, then a file inside it: the second write must fail.
        var bad = files("x")
        bad["samples"] = Data("not a folder".utf8)
        bad["samples/step-1.png"] = Data("y".utf8)
        XCTAssertThrowsError(try cache.store(hash, files: bad))
        XCTAssertFalse(cache.contains(hash))
        XCTAssertEqual(notebook.runFolderNames, [], "neither an entry nor a partial folder")
    }

    func testFolderWithoutMarkerIsADamagedEntry() throws {
        try FileManager.default.createDirectory(at: cache.entry(hash), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: cache.entry(hash).appendingPathComponent("config.json"))
        XCTAssertFalse(cache.contains(hash))
        XCTAssertEqual(cache.hashes(), [hash], "listed, so that it is reported")
        guard case .damaged(let error) = cache.state(hash) else { return XCTFail("an incomplete folder is damage") }
        XCTAssertTrue(error.hint.contains("rm -r \(cache.entry(hash).path)"), "\(error)")
    }

    func testOnlyPartialsWhoseRunLockIsFreeAreRemoved() throws {
        let other = String(repeating: "fedcba9876543210", count: 4)
        let names = ["\(RunCache.partialPrefix)\(hash)-1", "\(RunCache.partialPrefix)\(other)-2",
                     "\(RunCache.partialPrefix)unexpected"]
        for name in names {
            try FileManager.default.createDirectory(at: cache.root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let held = try XCTUnwrap(try FileLock.acquire(cache.lockURL(other), wait: false))
        cache.removeAbandonedPartials()
        XCTAssertEqual(notebook.runFolderNames, (Array(names.dropFirst()) + [RunCache.lockPrefix + other]).sorted(),
                       "the partial of a run whose lock is held stays")
        held.release()
        cache.removeAbandonedPartials()
        XCTAssertEqual(notebook.runFolderNames, [names[2]], "released: its partial and lock file go; a foreign name stays")
    }

    /// A folder with a partial's name that holds anything but a run's files was not written by a
    /// build (a partial only ever holds a run's files), so no lock makes it ours.
    func testPartialNamedFolderHoldingOtherFilesIsKept() throws {
        let partial = cache.root.appendingPathComponent("\(RunCache.partialPrefix)\(hash)-1")
        try FileManager.default.createDirectory(at: partial.appendingPathComponent("samples"), withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: partial.appendingPathComponent("samples/photo.jpg"))
        cache.removeAbandonedPartials()
        XCTAssertTrue(FileManager.default.fileExists(atPath: partial.appendingPathComponent("samples/photo.jpg").path))
    }

    /// What a store killed midway leaves (a run's files, some cut, and a write's temporary file)
    /// is a partial folder the next build removes.
    func testPartialOfAKilledStoreIsRemoved() throws {
        let partial = cache.root.appendingPathComponent("\(RunCache.partialPrefix)\(hash)-2")
        try FileManager.default.createDirectory(at: partial.appendingPathComponent("samples"), withIntermediateDirectories: true)
        try Data("{".utf8).write(to: partial.appendingPathComponent("config.json"))
        try Data("half".utf8).write(to: partial.appendingPathComponent("samples/.dat.nosync3E4F.vShcff"))
        cache.removeAbandonedPartials()
        XCTAssertEqual(notebook.runFolderNames, [])
    }

    func testPruneRemovesOnlyUnusedHashNamedFolders() throws {
        let used = String(repeating: "1", count: 64), unused = String(repeating: "2", count: 64)
        try cache.store(used, files: files("a"))
        try cache.store(unused, files: files("b"))
        let foreign = ["my-run", String(repeating: "A", count: 64), String(repeating: "3", count: 63)]
        for name in foreign {
            try FileManager.default.createDirectory(at: cache.root.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: cache.root.appendingPathComponent(name).appendingPathComponent("run.json"))
        }
        XCTAssertEqual(try cache.prune(keeping: [used], dryRun: true), [unused])
        XCTAssertTrue(cache.exists(unused), "a dry run deletes nothing")
        var told: [String] = []
        XCTAssertEqual(try cache.prune(keeping: [used], dryRun: false) { told.append($0.lastPathComponent) }, [unused])
        XCTAssertEqual(told, [unused])
        XCTAssertEqual(notebook.runFolderNames, (foreign + [used]).sorted())
    }
}
