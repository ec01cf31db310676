import XCTest
@testable import Book

/// `ganbook train --out` replaces only a folder holding a ganbook run, never a file, `.`, `..`,
/// the working directory or a folder holding it or the config; two trains never share an --out.
final class TrainOutputTests: ExecutableNotebookTestCase {
    var config: URL { notebook.root.appendingPathComponent("a.yaml") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Data(SmallRun.yaml(id: nil).utf8).write(to: config)
    }

    func train(_ out: String, force: Bool = true) throws -> GanbookExecutable.Outcome {
        try ganbook.run(["train", "a.yaml", "--out", out, "--threads", "1"] + (force ? ["--force"] : []), in: notebook.root)
    }

    func assertRefused(_ out: String, force: Bool = true, _ reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try notebook.files(under: notebook.root)
        let outcome = try train(out, force: force)
        XCTAssertEqual(outcome.status, 1, outcome.all, file: file, line: line)
        XCTAssertTrue(outcome.stderr.contains(reason), "\(out): \(outcome.all)", file: file, line: line)
        XCTAssertFalse(outcome.all.contains("training"), outcome.all, file: file, line: line)
        let after = try notebook.files(under: notebook.root).filter { !$0.key.hasPrefix(".out-") && !$0.key.hasPrefix(".err-") }
        XCTAssertEqual(after, before.filter { !$0.key.hasPrefix(".out-") && !$0.key.hasPrefix(".err-") },
                       "nothing changed", file: file, line: line)
    }

    func testFileIsNeverReplaced() throws {
        try Data("notes".utf8).write(to: notebook.root.appendingPathComponent("notes.txt"))
        try assertRefused("notes.txt", force: false, "is a file")
        try assertRefused("notes.txt", "is a file")
    }

    func testWorkingDirectoryAndItsAncestorsAreNeverReplaced() throws {
        try assertRefused(".", "\".\"")
        try assertRefused("..", "\"..\"")
        try assertRefused(notebook.root.path, "working directory")
        try assertRefused(notebook.root.deletingLastPathComponent().path, "working directory")
    }

    func testFolderHoldingTheConfigIsNeverReplaced() throws {
        let sub = notebook.root.appendingPathComponent("configs")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data(SmallRun.yaml(id: nil).utf8).write(to: sub.appendingPathComponent("b.yaml"))
        let outcome = try ganbook.run(["train", "configs/b.yaml", "--out", "configs", "--force", "--threads", "1"], in: notebook.root)
        XCTAssertEqual(outcome.status, 1, outcome.all)
        XCTAssertTrue(outcome.stderr.contains("config file"), outcome.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: sub.appendingPathComponent("b.yaml").path))
    }

    func testFolderThatIsNotARunIsNeverReplaced() throws {
        try FileManager.default.createDirectory(at: notebook.root.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: notebook.root.appendingPathComponent("mine/run.json"))
        try Data("thesis".utf8).write(to: notebook.root.appendingPathComponent("mine/thesis.tex"))
        try assertRefused("mine", "does not hold a ganbook run")
    }

    /// A folder with a run's files is still not a run when it also holds something else, at any depth.
    func testRunFolderHoldingAnythingElseIsNeverReplaced() throws {
        XCTAssertEqual(try train("out", force: false).status, 0)
        let out = notebook.root.appendingPathComponent("out")
        let files = FileManager.default
        let thesis = out.appendingPathComponent("samples/thesis.tex")
        try Data("thesis".utf8).write(to: thesis)
        try assertRefused("out", "samples/thesis.tex")
        try files.removeItem(at: thesis)

        let metrics = out.appendingPathComponent("metrics.csv")
        try files.moveItem(at: metrics, to: notebook.root.appendingPathComponent("metrics.csv"))
        try files.createDirectory(at: metrics, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: metrics.appendingPathComponent("notes.txt"))
        try assertRefused("out", "metrics.csv")
        try files.removeItem(at: metrics)
        try files.moveItem(at: notebook.root.appendingPathComponent("metrics.csv"), to: metrics)

        let samples = out.appendingPathComponent("samples")
        let photos = notebook.root.appendingPathComponent("photos")
        try files.moveItem(at: samples, to: photos)
        try files.createSymbolicLink(at: samples, withDestinationURL: photos)
        try assertRefused("out", "samples")
        try files.removeItem(at: samples)
        try files.moveItem(at: photos, to: samples)

        try Data("{}".utf8).write(to: out.appendingPathComponent("run.json"))
        try assertRefused("out", "does not hold a ganbook run")
    }

    func testRunIsReplacedOnlyWithForceAndWholly() throws {
        let first = try train("out", force: false)
        XCTAssertEqual(first.status, 0, first.all)
        try assertRefused("out", force: false, "already holds a run")
        let second = try train("out")
        XCTAssertEqual(second.status, 0, second.all)
        let names = try FileManager.default.contentsOfDirectory(atPath: notebook.root.path)
        XCTAssertEqual(names.filter { $0.hasPrefix(".out.ganbook") }, [], "no partial, old copy or lock left")
        XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.root.appendingPathComponent("out/run.json").path))
    }

    func testSecondTrainToTheSameOutIsRefused() throws {
        let holder = try LockHolder(notebook.root.appendingPathComponent(".out.ganbook-lock"))
        defer { holder.end() }
        let outcome = try train("out")
        XCTAssertEqual(outcome.status, 1, outcome.all)
        XCTAssertTrue(outcome.stderr.contains("another ganbook train is writing"), outcome.all)
    }
}

/// What a train killed while swapping folders leaves is put right by the next train to that --out.
final class TrainOutputLeftoverTests: NotebookTestCase {
    func testPreviousRunMovedAsideComesBackAndPartialsGo() throws {
        let out = TrainOutput(path: notebook.root.appendingPathComponent("out").path)
        let old = notebook.root.appendingPathComponent("\(out.hiddenBase)-old-7")
        let partial = notebook.root.appendingPathComponent("\(out.hiddenBase)-partial-7")
        for folder in [old, partial] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: folder.appendingPathComponent("run.json"))
        }
        let lock = try out.lock()
        lock.release()
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.url.appendingPathComponent("run.json").path), "restored")
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: partial.path))
    }

    /// Only names of this --out's own form go: the leftovers of a train to another --out whose name
    /// happens to extend them (`out.ganbook-partial-3`) are that train's, and may be live.
    func testLeftoversOfAnotherOutAreLeftAlone() throws {
        let out = TrainOutput(path: notebook.root.appendingPathComponent("out").path)
        let other = TrainOutput(path: notebook.root.appendingPathComponent("out.ganbook-partial-3").path)
        let foreign = [other.hiddenBase + "-partial-9", other.hiddenBase + "-old-9", out.hiddenBase + "-partial-mine"]
        for name in foreign {
            try FileManager.default.createDirectory(at: notebook.root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let lock = try out.lock()
        lock.release()
        for name in foreign {
            XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.root.appendingPathComponent(name).path), name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.url.path), "nothing was restored into --out")
    }
}

/// A folder that has the name of a killed train's leftover but holds a file of someone else's is
/// not ganbook's to remove: leftovers are recognised by their contents as well as their name.
final class TrainOutputLeftoverContentTests: NotebookTestCase {
    func testLeftoverNamedFolderHoldingOtherFilesIsKept() throws {
        let out = TrainOutput(path: notebook.root.appendingPathComponent("out").path)
        let ours = notebook.root.appendingPathComponent(out.hiddenBase + "-partial-7")
        let theirs = notebook.root.appendingPathComponent(out.hiddenBase + "-partial-8")
        for folder in [ours, theirs] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data("{}".utf8).write(to: ours.appendingPathComponent("config.json"))
        try Data("my thesis".utf8).write(to: theirs.appendingPathComponent("thesis.tex"))
        let lock = try out.lock()
        lock.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: ours.path), "a killed train's partial folder is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: theirs.appendingPathComponent("thesis.tex").path))
    }
}
