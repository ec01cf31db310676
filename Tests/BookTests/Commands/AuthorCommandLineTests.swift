import XCTest

/// The author's commands from the command line, with good and bad input.
final class AuthorCommandLineTests: ExecutableNotebookTestCase {
    func ganbook(_ arguments: [String]) throws -> GanbookExecutable.Outcome {
        try ganbook.run(arguments, in: notebook.root)
    }

    func testNewPrintsThePathAndRefusesTheSecondTime() throws {
        let first = try ganbook(["new", "A first page"])
        XCTAssertEqual(first.status, 0, first.all)
        XCTAssertEqual(first.stdout, "content/a-first-page.md\n")
        let second = try ganbook(["new", "A first page"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("content/a-first-page.md: already exists"), second.all)
        // The new page plans cleanly: its run is listed as one to train.
        let planned = try ganbook(["build", "--dry-run", "--threads", "1"])
        XCTAssertEqual(planned.status, 0, planned.all)
        XCTAssertTrue(planned.stdout.contains("content/a-first-page.md:") && planned.stdout.contains("first-run"), planned.all)
    }

    func testRunsListVerifyAndGC() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a"), SmallRun.directive(id: "b", seed: 2)))
        XCTAssertEqual(try ganbook(["build", "--threads", "1"]).status, 0)
        let hashes = notebook.entryHashes
        XCTAssertEqual(hashes.count, 2)

        let list = try ganbook(["runs", "list"])
        XCTAssertEqual(list.status, 0, list.all)
        for hash in hashes { XCTAssertTrue(list.stdout.contains(String(hash.prefix(12)))) }
        XCTAssertTrue(list.stdout.contains("ring8") && list.stdout.contains("page/a") && list.stdout.contains("page/b"), list.stdout)
        XCTAssertTrue(list.stdout.contains(" KB"), list.stdout)

        XCTAssertEqual(try ganbook(["runs", "verify"]).status, 0)
        // Run a's entry (seed 1), whichever way the hashes sort: it is damaged, then unused.
        let entryA = try XCTUnwrap(hashes.first { hash in
            let config = try? String(contentsOf: notebook.runs.appendingPathComponent(hash).appendingPathComponent("config.json"), encoding: .utf8)
            return config?.contains("\"seed\": 1,") ?? false
        })
        // Damage one entry: verify reports it, exits 1 and deletes nothing.
        let damaged = notebook.runs.appendingPathComponent(entryA).appendingPathComponent("config.json")
        try Data("{\"dataset\": \"ring8\"}\n".utf8).write(to: damaged)
        let verify = try ganbook(["runs", "verify"])
        XCTAssertEqual(verify.status, 1, verify.all)
        XCTAssertTrue(verify.all.contains("DAMAGED") && verify.all.contains("nothing was deleted"), verify.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: damaged.path))
        XCTAssertEqual(notebook.entryHashes.count, 2)

        // gc: an unused entry goes (a dry run first lists it and keeps it).
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "b", seed: 2)))
        let unused = notebook.runs.appendingPathComponent(entryA)
        let dry = try ganbook(["runs", "gc", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.all)
        XCTAssertTrue(dry.stdout.contains("would remove \(unused.path)") || dry.stdout.contains("would remove"), dry.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: unused.path))
        let gc = try ganbook(["runs", "gc"])
        XCTAssertEqual(gc.status, 0, gc.all)
        XCTAssertFalse(FileManager.default.fileExists(atPath: unused.path))
        XCTAssertEqual(notebook.entryHashes.count, 1)

        // Bare `runs` keeps today's listing.
        let bare = try ganbook(["runs"])
        XCTAssertEqual(bare.status, 0, bare.all)
        XCTAssertTrue(bare.stdout.contains("page/b") && bare.stdout.contains("ok"), bare.all)
    }

    func testGCRefusesAnEmptyNotebook() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        XCTAssertEqual(try ganbook(["build", "--threads", "1"]).status, 0)
        let empty = notebook.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let gc = try ganbook(["runs", "gc", "--content", empty.path])
        XCTAssertEqual(gc.status, 1)
        XCTAssertTrue(gc.stderr.contains("no pages"), gc.all)
        XCTAssertEqual(notebook.entryHashes.count, 1)
    }
}
