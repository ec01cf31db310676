import XCTest
@testable import Book

/// The child of `build -j` trains the run its parent resolved, from the configuration the parent
/// hands it, so a page edited (or broken) while a long build trains does not stop the runs
/// still to come.
final class ParallelChildTests: ExecutableNotebookTestCase {
    private func plannedRun(_ id: String) throws -> PlannedRun {
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: notebook.templates.path,
                                 console: .capturing { _ in })
        return try stages.plan(try stages.loadPages()).pages.flatMap(\.runs).first { $0.id == id }!
    }

    private func child(_ hash: String, config: URL) throws -> GanbookExecutable.Outcome {
        try ganbook.run(["build", "--threads", "1", "--train-only", hash, "--train-config", config.path,
                         "--train-name", "alpha/a", "--train-source", "content/alpha.md", "--train-line", "3"], in: notebook.root)
    }

    func testTheChildTrainsItsResolvedRunWhileThePagesAreBroken() throws {
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", SmallRun.directive(id: "a")))
        let run = try plannedRun("a")
        let config = notebook.root.appendingPathComponent("run.json")
        try Data(run.config.canonicalJSON.utf8).write(to: config)
        try notebook.write("alpha.md", "# Alpha\n\n```gan\nid: a\ndataset: [ring8\n```\n")  // no longer parses

        let trained = try child(run.hash, config: config)
        XCTAssertEqual(trained.status, 0, trained.all)
        XCTAssertTrue(trained.stdout.contains("alpha/a"), trained.all)
        XCTAssertEqual(notebook.entryHashes, [run.hash])
        XCTAssertNoThrow(try RunCache(root: notebook.site.appendingPathComponent("runs")).load(run.hash))
    }

    func testAConfigurationThatDoesNotHashToItsRunIsRefusedBeforeTraining() throws {
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", SmallRun.directive(id: "a")))
        let run = try plannedRun("a")
        let config = notebook.root.appendingPathComponent("run.json")
        try Data(run.config.canonicalJSON.replacingOccurrences(of: "\"seed\":1", with: "\"seed\":7").utf8).write(to: config)
        let refused = try child(run.hash, config: config)
        XCTAssertEqual(refused.status, 1, refused.all)
        XCTAssertTrue(refused.stderr.contains("not to the run \(run.hash.prefix(12))"), refused.all)
        XCTAssertEqual(notebook.entryHashes, [], "nothing trained")
    }

    func testAParallelBuildRemovesOnlyTheConfigurationFilesItWrote() throws {
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", SmallRun.directive(id: "a"), SmallRun.directive(id: "b", seed: 2)))
        let temporary = notebook.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let own = temporary.appendingPathComponent("ganbook-user.json")
        try Data("{}".utf8).write(to: own)
        let built = try ganbook.run(["build", "-j", "2", "--threads", "2"], in: notebook.root,
                                    environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(built.status, 0, built.all)
        XCTAssertEqual(notebook.entryHashes.count, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), ["ganbook-user.json"],
                       "the children's files are gone and the user's file is untouched")
        XCTAssertEqual(try String(contentsOf: own, encoding: .utf8), "{}")
    }
}
