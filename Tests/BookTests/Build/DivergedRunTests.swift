import XCTest
@testable import Book

/// A run whose losses overflow (SGD with learning rate 1 on ring8) is a result like any other:
/// it builds, is cached, renders saying where it diverged, and the next build reuses it.
final class DivergedRunTests: NotebookTestCase {
    func testDivergingRunIsCachedRenderedAndReused() throws {
        try notebook.write("page.md", SmallRun.page(
            title: "Too fast", SmallRun.directive(id: "sgd", extra: ["optimizer: {name: sgd, lr: 1}"]),
            "```gan-compare\nruns: [sgd]\nmetric: grad_norm_g\n```\n",
            "```gan-table\ncolumns: [loss_g, grad_norm_d, diverged_at_iteration, final_d_fake, wall_seconds]\n```\n"))
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 1, notebook.output)
        let hash = try XCTUnwrap(notebook.entryHashes.first)
        let evaluation = try String(contentsOf: notebook.runs.appendingPathComponent("\(hash)/eval.json"), encoding: .utf8)
        XCTAssertTrue(evaluation.contains("\"diverged_at_iteration\": 6"), evaluation)
        let html = try notebook.html("page")
        XCTAssertTrue(html.contains("<p class=\"diverged\"><strong>Diverged at iteration 6:</strong>"), html)
        XCTAssertTrue(html.contains("<th scope=\"row\">diverged_at_iteration</th><td>6</td>"), html)
        let files = try notebook.files()

        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 0, notebook.output)
        XCTAssertEqual(notebook.summaryCount("reused"), 1, notebook.output)
        XCTAssertEqual(try notebook.files(), files, "the rebuild changes nothing")
        try notebook.build(frozen: true)
    }

    /// eval.json's divergence step is checked like every number read from disk: one outside the
    /// run is damage, never shown as "Diverged at iteration -5".
    func testDivergenceStepOutsideTheRunIsDamage() throws {
        try notebook.write("page.md", SmallRun.page(
            title: "Too fast", SmallRun.directive(id: "sgd", extra: ["optimizer: {name: sgd, lr: 1}"])))
        try notebook.build()
        let hash = try XCTUnwrap(notebook.entryHashes.first)
        let url = notebook.runs.appendingPathComponent("\(hash)/eval.json")
        let original = try String(contentsOf: url, encoding: .utf8)
        for wrong in ["-5", "0", "2.5", "1e300", "\"6\""] {
            try original.replacingOccurrences(of: "\"diverged_at_iteration\": 6", with: "\"diverged_at_iteration\": \(wrong)")
                .write(to: url, atomically: true, encoding: .utf8)
            let message = notebook.buildError(frozen: true)
            XCTAssertTrue(message.contains("eval.json") && message.contains("is not an iteration of the run"), "\(wrong): \(message)")
        }
    }

    func testRunThatTrainsToTheEndSaysNothingAboutDivergence() throws {
        try notebook.write("page.md", SmallRun.page(title: "Fine", SmallRun.directive(id: "adam")))
        try notebook.build()
        XCTAssertFalse(try notebook.html("page").contains("diverged"))
    }
}

/// The same through the built executable: exit status 0 both times, nothing trained the second.
final class DivergedRunExecutableTests: ExecutableNotebookTestCase {
    func testGanbookBuildsADivergingRunAndReusesIt() throws {
        try notebook.write("page.md", SmallRun.page(
            title: "Too fast", SmallRun.directive(id: "sgd", seed: 3, extra: ["optimizer: {name: sgd, lr: 1}"])))
        let arguments = ["build", "--content", notebook.content.path, "--site", notebook.site.path,
                         "--templates", notebook.templates.path, "--threads", "1"]
        let first = try ganbook.run(arguments, in: notebook.root)
        XCTAssertEqual(first.status, 0, first.all)
        XCTAssertTrue(first.stdout.contains("1 trained"), first.all)
        XCTAssertTrue(try notebook.html("page").contains("<p class=\"diverged\">"))
        let second = try ganbook.run(arguments, in: notebook.root)
        XCTAssertEqual(second.status, 0, second.all)
        XCTAssertTrue(second.stdout.contains("1 reused, 0 trained"), second.all)
    }
}
