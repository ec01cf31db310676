import XCTest
@testable import Book

/// `ganbook run HASH`, a cluster worker's whole job, run as a worker would run it.
final class RunCommandTests: ExecutableNotebookTestCase {
    var cacheFolder: URL { notebook.root.appendingPathComponent("shared-cache") }

    /// A run long enough (a second or more) that two workers started together overlap.
    func writeNotebook() throws -> String {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(
            id: "long", extra: ["generator: {hidden: [64]}", "discriminator: {hidden: [64]}"])
            .replacingOccurrences(of: "iterations: 20", with: "iterations: 1500")))
        let plan = try JobPlannerTests.planned(notebook)
        return plan.distinctRuns[0].run.hash
    }

    func hashFolders(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func testTwoWorkersOnOneHashTrainItOnce() throws {
        let hash = try writeNotebook()
        let arguments = ["run", hash, "--cache", cacheFolder.path, "--threads", "1"]
        let first = try ganbook.start(arguments, in: notebook.root)
        let second = try ganbook.start(arguments, in: notebook.root)
        let outcomes = [first.finish(), second.finish()]
        for outcome in outcomes { XCTAssertEqual(outcome.status, 0, outcome.all) }
        let all = outcomes.map(\.all).joined(separator: "\n----\n")
        let trainings = all.split(separator: "\n").filter { $0.hasPrefix("training [1/1]") }
        XCTAssertEqual(trainings.count, 1, "trained exactly once:\n\(all)")
        XCTAssertTrue(all.contains("stored content/page.md:"), all)
        XCTAssertTrue(all.contains("was trained by another worker meanwhile") || all.contains("is cached already"), all)
        XCTAssertEqual(hashFolders(cacheFolder), [hash], "one entry, no partial folder or lock left")
        if case .damaged(let error) = RunCache(root: cacheFolder).check(hash, depth: .full) { XCTFail("\(error)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.runs.path), "nothing written into the site")

        let again = try ganbook.run(arguments, in: notebook.root)
        XCTAssertEqual(again.status, 0, again.all)
        XCTAssertTrue(again.stdout.contains("is cached already in \(cacheFolder.path)/\(hash): nothing to do"), again.all)
    }

    func testEnvironmentNamesTheCacheAndAPrefixNamesTheRun() throws {
        let hash = try writeNotebook()
        let outcome = try ganbook.run(["run", String(hash.prefix(10)), "--threads", "1"], in: notebook.root,
                                      environment: ["GANBOOK_CACHE_DIR": cacheFolder.path])
        XCTAssertEqual(outcome.status, 0, outcome.all)
        XCTAssertEqual(hashFolders(cacheFolder), [hash])
    }

    func testAHashOutsideThePlanIsAnErrorSayingWhatToDo() throws {
        _ = try writeNotebook()
        let outcome = try ganbook.run(["run", String(repeating: "ab", count: 32)], in: notebook.root)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("no run of the notebook has hash abab"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("ganbook plan lists the runs to train"), outcome.all)
        let bad = try ganbook.run(["run", "xyz"], in: notebook.root)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("xyz is not a run hash"), bad.all)
    }
}
