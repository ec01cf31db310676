import XCTest
@testable import Book

/// gan-compare and gan-table are checked against the page's runs and the known metrics before
/// any run trains, so a typo costs nothing.
final class DisplayReferenceTests: NotebookTestCase {
    func page(_ display: String) -> String {
        SmallRun.page(title: "Compare", SmallRun.directive(id: "a", seed: 1), SmallRun.directive(id: "b", seed: 2), display)
    }

    /// The build fails naming the page line that holds `marker`, mentions every `expected` text, and trains nothing.
    func assertFailsBeforeTraining(_ display: String, at marker: String, mentions expected: [String],
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let text = page(display)
        try notebook.write("compare.md", text)
        let message = notebook.buildError(file: file, line: line)
        let wrong = (text.components(separatedBy: "\n").firstIndex { $0.contains(marker) } ?? -1) + 1
        XCTAssertTrue(message.contains("compare.md:\(wrong):"), "should point at line \(wrong): \(message)", file: file, line: line)
        for word in expected {
            XCTAssertTrue(message.contains(word), "expected \(word) in: \(message)", file: file, line: line)
        }
        XCTAssertFalse(notebook.output.contains("training"), "nothing trains: \(notebook.output)", file: file, line: line)
        XCTAssertEqual(notebook.runFolderNames, [], file: file, line: line)
    }

    func testCompareWithUnknownRunFails() throws {
        // A one-letter id is like no other one-letter id: the ids are listed, none is suggested.
        try assertFailsBeforeTraining("```gan-compare\nmetric: loss_g\nruns: [a, c]\n```\n", at: "runs: [a, c]",
                                      mentions: ["runs", "id c", "ids on this page: a, b"])
    }

    func testUnknownRunInABlockListPointsAtItsLine() throws {
        try assertFailsBeforeTraining("```gan-compare\nmetric: loss_g\nruns:\n  - a\n  - c\n```\n", at: "  - c",
                                      mentions: ["id c"])
    }

    func testCompareWithUnknownMetricFails() throws {
        try assertFailsBeforeTraining("```gan-compare\nruns: [a, b]\nmetric: loss_gg\n```\n", at: "metric: loss_gg",
                                      mentions: ["metric", "loss_gg", "did you mean loss_g"])
    }

    func testTableWithUnknownRunFails() throws {
        // One edit in two letters is no real likeness: the ids are listed, none is suggested.
        try assertFailsBeforeTraining("```gan-table\nruns: [a, bb]\n```\n", at: "runs: [a, bb]",
                                      mentions: ["runs", "id bb", "ids on this page: a, b"])
    }

    func testTableWithUnknownColumnFails() throws {
        try assertFailsBeforeTraining("```gan-table\ntitle: Summary\ncolumns:\n  - loss_g\n  - d_reel\n```\n", at: "- d_reel",
                                      mentions: ["columns", "d_reel", "did you mean d_real"])
    }

    func testEveryBadReferenceIsReportedAtOnce() throws {
        try notebook.write("compare.md", page("```gan-compare\nruns: [a, x]\nmetric: loss_x\n```\n\n```gan-table\ncolumns: [y]\n```\n"))
        let message = notebook.buildError()
        XCTAssertTrue(message.hasPrefix("3 problems"), message)
        for name in ["id x", "loss_x", "column y"] { XCTAssertTrue(message.contains(name), message) }
        XCTAssertEqual(notebook.runFolderNames, [])
    }

    func testTableAcceptsMetricsEvaluationKeysAndTimings() throws {
        try notebook.write("compare.md", page("""
            ```gan-table
            columns: [loss_g, d_fake, modes_covered, high_quality_fraction, reverse_kl, modes_covered_20, final_d_fake, wall_seconds, images_per_second]
            ```

            ```gan-compare
            runs: [a, b]
            metric: grad_norm_d
            ```

            """))
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 2, notebook.output)
        // Every key a trained run writes to eval.json must be a column the planner accepts.
        for hash in notebook.entryHashes {
            let evaluation = try RunEntry.load(from: notebook.runs.appendingPathComponent(hash)).evaluation
            for key in evaluation.keys {
                XCTAssertTrue(SitePlanner.tableColumns.contains(key), "eval.json key \(key) is not a known table column")
            }
        }
        let html = try notebook.html("compare")
        XCTAssertTrue(html.contains("modes_covered"))
        XCTAssertTrue(html.contains("grad_norm_d"))
    }
}
