import XCTest
@testable import Book

/// `build --only`, `--rerun`, `--dry-run` and `--keep-going`, in process.
final class BuildControlsTests: NotebookTestCase {
    var output = ""

    func build(_ change: (inout BuildOptions) -> Void) throws {
        var options = notebook.options()
        change(&options)
        output = ""
        try SiteBuilder(options: options, console: .capturing { self.output += $0 }).build()
    }

    func buildError(_ change: (inout BuildOptions) -> Void) -> String {
        do { try build(change); XCTFail("should fail: \(output)"); return "" } catch { return "\(error)" }
    }

    var siteFiles: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: notebook.site.path)) ?? []) }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", SmallRun.directive(id: "a")))
        try notebook.write("beta.md", SmallRun.page(title: "Beta", SmallRun.directive(id: "b", seed: 2)))
    }

    func testOnlyBuildsThatPageAndTheIndex() throws {
        try build { $0.only = "alpha" }
        XCTAssertEqual(notebook.entryHashes.count, 1, output)
        XCTAssertTrue(siteFiles.contains("alpha.html") && siteFiles.contains("index.html"), "\(siteFiles)")
        XCTAssertFalse(siteFiles.contains("beta.html"))
        // A full build later adds beta and keeps alpha.
        try build { _ in }
        XCTAssertTrue(siteFiles.isSuperset(of: ["alpha.html", "beta.html", "index.html"]))
        // --only leaves other pages as they are (never removes them).
        try build { $0.only = "content/beta.md" }
        XCTAssertTrue(siteFiles.isSuperset(of: ["alpha.html", "beta.html"]))
    }

    func testUnknownOnlyPageIsAnErrorWithASuggestion() {
        let error = buildError { $0.only = "alhpa" }
        XCTAssertTrue(error.contains("--only alhpa: no such page") && error.contains("did you mean alpha?"), error)
        XCTAssertTrue(notebook.entryHashes.isEmpty)
    }

    func testRerunReplacesTheEntryOnlyWhenTheNewOneIsComplete() throws {
        try build { _ in }
        let hash = try XCTUnwrap(notebook.entryHashes.first { _ in true })
        let alphaHash = try XCTUnwrap(hashOf("a"))
        let marker = notebook.runs.appendingPathComponent(alphaHash).appendingPathComponent("run.json")
        let before = try Data(contentsOf: marker)
        try build { $0.rerun = ["a"] }
        XCTAssertEqual(notebook.summaryCount(in: output, "trained"), 1, output)
        XCTAssertTrue(output.contains("training again"), output)
        XCTAssertNotEqual(try Data(contentsOf: marker), before, "run.json records the new training")
        XCTAssertTrue(notebook.entryHashes.contains(hash))
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: notebook.runs.path).contains { $0.hasPrefix(".partial-") })
        // By hash prefix too.
        try build { $0.rerun = [String(alphaHash.prefix(10))] }
        XCTAssertTrue(output.contains("training again [1/1] alpha/a"), output)
    }

    func testRerunOfASweepParentTrainsEveryChildAndAChildAlone() throws {
        try notebook.write("beta.md", SmallRun.page(title: "Beta", "```gan\n"
            + SmallRun.yaml(id: "s").replacingOccurrences(of: "seed: 1", with: "seeds: [1, 2]") + "```\n"))
        try build { _ in }
        try build { $0.rerun = ["s"] }
        XCTAssertEqual(notebook.summaryCount(in: output, "trained"), 2, output)
        XCTAssertTrue(output.contains("training again [1/2] beta/s[seed=1]") && output.contains("training again [2/2] beta/s[seed=2]"), output)
        try build { $0.rerun = ["beta/s"] }
        XCTAssertEqual(notebook.summaryCount(in: output, "trained"), 2, "page/id names the sweep too: \(output)")
        try build { $0.rerun = ["s[seed=2]"] }
        XCTAssertEqual(notebook.summaryCount(in: output, "trained"), 1, output)
        XCTAssertTrue(output.contains("training again [1/1] beta/s[seed=2]"), output)
        let error = buildError { $0.rerun = ["z"] }
        XCTAssertTrue(error.contains("--rerun z: no run of any page"), error)
    }

    func testUnknownRerunIsAnErrorWithASuggestion() throws {
        let error = buildError { $0.rerun = ["b2"] }
        XCTAssertTrue(error.contains("--rerun b2: no run of any page has this id or hash"), error)
        XCTAssertTrue(error.contains("did you mean b?") || error.contains("runs: alpha/a, beta/b"), error)
        let byHash = buildError { $0.rerun = ["deadbeef00"] }
        XCTAssertTrue(byHash.contains("no run of any page"), byHash)
        XCTAssertTrue(notebook.entryHashes.isEmpty)
    }

    func testDryRunListsEstimatesAndTrainsNothing() throws {
        try build { $0.dryRun = true }
        XCTAssertTrue(output.contains("dry run: 2 run(s) would train"), output)
        let listed = output.split(separator: "\n").filter { $0.contains("alpha.md:") || $0.contains("beta.md:") }
        XCTAssertEqual(listed.count, 2, output)
        XCTAssertTrue(listed.allSatisfy { $0.contains(" 20 ") }, "each run's 20 iterations: \(output)")
        XCTAssertTrue(output.contains("2 run(s) to train, 0 cached; about"), output)
        XCTAssertTrue(notebook.entryHashes.isEmpty)
        XCTAssertFalse(siteFiles.contains("alpha.html"))
        try build { _ in }
        try build { $0.dryRun = true }
        XCTAssertTrue(output.contains("nothing to train"), output)
        try build { $0.dryRun = true; $0.rerun = ["beta/b"] }
        XCTAssertTrue(output.contains("dry run: 1 run(s) would train (1 again)") && output.contains("beta.md:"), output)
    }

    func testKeepGoingRendersEveryPageAndListsFailures() throws {
        // Beta needs MNIST, and --data holds damaged MNIST files.
        try notebook.write("beta.md", SmallRun.page(title: "Beta", "```gan\nid: digits\ndataset: mnist\nsubset: 64\niterations: 2\n```\n"))
        let data = notebook.root.appendingPathComponent("data/mnist")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"] {
            try Data("not an IDX file".utf8).write(to: data.appendingPathComponent(name))
        }
        let error = buildError { $0.keepGoing = true; $0.data = data.deletingLastPathComponent().path }
        XCTAssertTrue(error.contains("--keep-going: 1 failure(s)") && error.contains("beta.md") && error.contains("digits"), error)
        XCTAssertTrue(siteFiles.contains("alpha.html") && siteFiles.contains("index.html"), "\(siteFiles)")
        // The page of the run that could not train renders too, the run marked.
        XCTAssertTrue(try notebook.html("beta").contains("<section class=\"experiment not-trained\" id=\"run-digits\">"))
        XCTAssertEqual(notebook.entryHashes.count, 1)
    }

    func hashOf(_ id: String) throws -> String? {
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: notebook.templates.path,
                                 console: .capturing { _ in })
        return try stages.plan(try stages.loadPages()).distinctRuns.first { $0.run.id == id }?.run.hash
    }
}

private extension NotebookFixture {
    func summaryCount(in output: String, _ label: String) -> Int? {
        let line = output.split(separator: "\n").last { $0.hasPrefix("built ") } ?? ""
        let words = line.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ";", with: " ").split(separator: " ")
        guard let index = words.firstIndex(where: { $0 == label }), index > 0 else { return nil }
        return Int(words[index - 1])
    }
}
