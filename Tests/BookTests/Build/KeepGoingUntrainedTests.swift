import XCTest
@testable import Book

/// `ganbook build --keep-going` when a run cannot train: its page still renders, the run's block
/// marked "not trained", its values "(not trained)", its claims not checkable; `--frozen` fails.
final class KeepGoingUntrainedTests: ExecutableNotebookTestCase {
    func testAPageWhoseRunCannotTrainRendersWithThatRunMarked() throws {
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", prose: "Modes `=a.modes_total`.", SmallRun.directive(id: "a")))
        let beta = SmallRun.page(title: "Beta",
                                 prose: "Digits `=digits.d_real@last`, ring `=ok.modes_total`, both `=training_time`.",
                                 SmallRun.directive(id: "ok", seed: 3),
                                 "```gan\nid: digits\ndataset: mnist\nsubset: 64\niterations: 2\nexpect: {\"d_real@last\": \"0..1\"}\n```\n",
                                 "```gan-check\nok.modes_total == 8\ndigits.d_real@last < ok.modes_total\n```\n",
                                 "```gan-table\nruns: [ok, digits]\n```\n")
        try notebook.write("beta.md", beta)
        // MNIST is "found" in --data, but its files are damaged: the run cannot train.
        let data = notebook.root.appendingPathComponent("data/mnist")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"] {
            try Data("not an IDX file".utf8).write(to: data.appendingPathComponent(name))
        }
        let arguments = ["build", "--content", "content", "--site", "site", "--templates", "templates",
                         "--data", data.deletingLastPathComponent().path, "--threads", "1"]
        let outcome = try ganbook.run(arguments + ["--keep-going"], in: notebook.root)
        XCTAssertEqual(outcome.status, 1, outcome.all)
        XCTAssertTrue(outcome.all.contains("--keep-going:") && outcome.all.contains("digits"), outcome.all)
        XCTAssertTrue(outcome.all.contains("claim not checkable: digits.d_real@last in 0..1"), outcome.all)
        XCTAssertTrue(outcome.all.contains("claim not checkable: digits.d_real@last < ok.modes_total"), outcome.all)
        XCTAssertFalse(outcome.all.contains("not rendered"), outcome.all)

        let html = try notebook.html("beta")
        XCTAssertTrue(html.contains("<section class=\"experiment not-trained\" id=\"run-digits\">"), html)
        XCTAssertTrue(html.contains("<section class=\"experiment\" id=\"run-ok\""), "the run that trained is shown: \(html)")
        XCTAssertTrue(html.contains("Digits <span class=\"value not-trained\""), html)
        XCTAssertTrue(html.contains(">(not trained)</span>, ring <a class=\"value\" href=\"#run-ok\""), html)
        XCTAssertTrue(html.contains("both <span class=\"value not-trained\""), "the page's training time needs every run: \(html)")
        XCTAssertEqual(html.components(separatedBy: "✗ not checkable:").count - 1, 2, html)
        XCTAssertTrue(html.contains("✓ <code>ok.modes_total == 8</code>"), "a claim on trained runs is checked: \(html)")
        XCTAssertTrue(html.contains("gan-table of ok, digits"), "the table that needs the run is marked: \(html)")
        XCTAssertTrue(try notebook.html("alpha").contains(">8</a>."), "other pages render as always")

        // CI never renders around a missing run.
        let frozen = try ganbook.run(arguments + ["--frozen"], in: notebook.root)
        XCTAssertNotEqual(frozen.status, 0, frozen.all)
        XCTAssertTrue(frozen.all.contains("--frozen: 1 run(s)") && frozen.all.contains("beta.md:") && frozen.all.contains(": digits"),
                      frozen.all)
    }

    /// MNIST's training files, without its test split: the run passes every check before training
    /// and fails while training, when the classifier that evaluates it needs the test split.
    func testAPageWhoseRunFailsWhileTrainingRendersWithThatRunMarked() throws {
        let shared = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GANBOOK_DATA"] ?? "/work/shared/datasets")
            .appendingPathComponent("mnist")
        let names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]
        guard names.allSatisfy({ FileManager.default.fileExists(atPath: shared.appendingPathComponent($0).path) }) else {
            throw XCTSkip("MNIST's gzip training files are not in \(shared.path)")
        }
        let data = notebook.root.appendingPathComponent("data/mnist")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.createSymbolicLink(at: data.appendingPathComponent(name), withDestinationURL: shared.appendingPathComponent(name))
        }
        try notebook.write("beta.md", SmallRun.page(title: "Beta", prose: "Digits `=digits.d_real@last`, ring `=ok.modes_total`.",
                                                    SmallRun.directive(id: "ok"),
                                                    "```gan\nid: digits\ndataset: mnist\nsubset: 64\niterations: 2\n```\n"))
        let outcome = try ganbook.run(["build", "--keep-going", "--data", data.deletingLastPathComponent().path, "--threads", "1"],
                                      in: notebook.root, environment: ["GANBOOK_DATA": data.deletingLastPathComponent().path])
        XCTAssertEqual(outcome.status, 1, outcome.all)
        XCTAssertTrue(outcome.all.contains("training [2/2] beta/digits") && outcome.all.contains("failed [2/2] beta/digits"), outcome.all)
        XCTAssertTrue(outcome.all.contains("the test split of mnist is missing"), outcome.all)
        let html = try notebook.html("beta")
        XCTAssertTrue(html.contains("<section class=\"experiment not-trained\" id=\"run-digits\">"), html)
        XCTAssertTrue(html.contains("Digits <span class=\"value not-trained\""), html)
        XCTAssertTrue(html.contains("ring <a class=\"value\" href=\"#run-ok\""), html)
    }
}
