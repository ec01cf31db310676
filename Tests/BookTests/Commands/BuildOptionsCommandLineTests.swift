import XCTest

/// The build options from the command line: bad input gets a clear message, `-j 2` trains in
/// child processes, and a long build shows overall progress and writes finished pages early.
final class BuildOptionsCommandLineTests: ExecutableNotebookTestCase {
    func ganbook(_ arguments: [String]) throws -> GanbookExecutable.Outcome {
        try ganbook.run(arguments, in: notebook.root)
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", SmallRun.directive(id: "a")))
        try notebook.write("beta.md", SmallRun.page(title: "Beta", SmallRun.directive(id: "b", seed: 2),
                                                    SmallRun.directive(id: "c", seed: 3)))
    }

    func testBadInputIsAClearError() throws {
        let only = try ganbook(["build", "--only", "alpa"])
        XCTAssertEqual(only.status, 1)
        XCTAssertTrue(only.stderr.contains("--only alpa: no such page") && only.stderr.contains("did you mean alpha?"), only.all)
        let rerun = try ganbook(["build", "--rerun", "zzz"])
        XCTAssertEqual(rerun.status, 1)
        XCTAssertTrue(rerun.stderr.contains("--rerun zzz: no run of any page has this id or hash"), rerun.all)
        let hash = try ganbook(["build", "--rerun", "0123456789abcdef"])
        XCTAssertEqual(hash.status, 1)
        XCTAssertTrue(hash.stderr.contains("no run of any page"), hash.all)
        let jobs = try ganbook(["build", "-j", "0"])
        XCTAssertEqual(jobs.status, 1, jobs.all)
        XCTAssertTrue(jobs.stderr.contains("-j must be between 1 and 64"), jobs.all)
        XCTAssertTrue(notebook.entryHashes.isEmpty, "nothing trained on bad input")
    }

    func testDryRunFromTheCommandLine() throws {
        let dry = try ganbook(["build", "--dry-run", "--threads", "1"])
        XCTAssertEqual(dry.status, 0, dry.all)
        XCTAssertTrue(dry.stdout.contains("dry run: 3 run(s) would train") && dry.stdout.contains("3 run(s) to train, 0 cached; about"), dry.all)
        XCTAssertTrue(notebook.entryHashes.isEmpty)
    }

    func testParallelJobsTrainEveryRunInChildProcesses() throws {
        let built = try ganbook(["build", "-j", "2", "--threads", "2"])
        XCTAssertEqual(built.status, 0, built.all)
        XCTAssertTrue(built.stdout.contains("training 3 run(s), 2 at once with 1 thread(s) each"), built.all)
        XCTAssertTrue(built.stdout.contains("  [beta/b] ") && built.stdout.contains("progress: 3/3 run(s) done"), built.all)
        XCTAssertEqual(notebook.entryHashes.count, 3)
        XCTAssertEqual(try ganbook(["runs", "verify"]).status, 0)
        for page in ["alpha.html", "beta.html", "index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent(page).path), page)
        }
        let again = try ganbook(["build", "--threads", "1"])
        XCTAssertTrue(again.stdout.contains("3 reused, 0 trained; 0 file(s) changed"), again.all)
    }

    func testALongBuildShowsProgressAndWritesFinishedPagesEarly() throws {
        // Beta's second run is long enough to look at the site while it trains.
        try notebook.write("beta.md", SmallRun.page(title: "Beta", SmallRun.directive(id: "b", seed: 2),
                                                    "```gan\nid: long\ndataset: ring8\niterations: 1200\nbatch_size: 64\nsnapshots: 2\n```\n"))
        let running = try ganbook.start(["build", "--threads", "1"], in: notebook.root)
        XCTAssertTrue(running.waitForOutput(timeout: 300) { $0.contains("progress: 2/3 run(s) done") }, running.stdout + running.stderr)
        let alpha = notebook.site.appendingPathComponent("alpha.html")
        let beta = notebook.site.appendingPathComponent("beta.html")
        let stillTraining = running.process.isRunning
        XCTAssertTrue(FileManager.default.fileExists(atPath: alpha.path), "alpha's run is cached: its page is written at once")
        if stillTraining { XCTAssertFalse(FileManager.default.fileExists(atPath: beta.path), "beta waits for its last run") }
        XCTAssertTrue(running.stdout.contains("progress: 1/3 run(s) done") && running.stdout.contains("ETA"), running.stdout)
        let outcome = running.finish()
        XCTAssertEqual(outcome.status, 0, outcome.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: beta.path))
    }
}
