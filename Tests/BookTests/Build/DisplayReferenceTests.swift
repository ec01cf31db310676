import XCTest
@testable import Book

/// gan-compare and gan-table are checked against the page's runs and the known metrics before
/// any run trains, so a typo costs nothing.
final class DisplayReferenceTests: XCTestCase {
    var notebook: NotebookFixture!

    override func setUpWithError() throws { notebook = try NotebookFixture() }
    override func tearDown() { notebook.cleanUp() }

    func page(_ display: String) -> String {
        SmallRun.page(title: "Compare", SmallRun.directive(id: "a", seed: 1), SmallRun.directive(id: "b", seed: 2), display)
    }

    func assertFailsBeforeTraining(_ display: String, mentions expected: [String],
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let text = page(display)
        try notebook.write("compare.md", text)
        let message = notebook.buildError(file: file, line: line)
        let fence = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("```gan-") }.map { $0 + 2 } ?? 0
        XCTAssertTrue(message.contains("compare.md:\(fence):"), "should point at line \(fence): \(message)", file: file, line: line)
        for word in expected {
            XCTAssertTrue(message.contains(word), "expected \(word) in: \(message)", file: file, line: line)
        }
        XCTAssertFalse(notebook.output.contains("training"), "nothing trains: \(notebook.output)", file: file, line: line)
        XCTAssertEqual(notebook.runFolderNames, [], file: file, line: line)
    }

    func testCompareWithUnknownRunFails() throws {
        try assertFailsBeforeTraining("```gan-compare\nruns: [a, c]\nmetric: loss_g\n```\n", mentions: ["id c", "did you mean a"])
    }

    func testCompareWithUnknownMetricFails() throws {
        try assertFailsBeforeTraining("```gan-compare\nruns: [a, b]\nmetric: loss_gg\n```\n",
                                      mentions: ["loss_gg", "did you mean loss_g"])
    }

    func testTableWithUnknownRunFails() throws {
        try assertFailsBeforeTraining("```gan-table\nruns: [a, bb]\n```\n", mentions: ["id bb", "did you mean b"])
    }

    func testTableWithUnknownColumnFails() throws {
        try assertFailsBeforeTraining("```gan-table\ncolumns: [loss_g, d_reel]\n```\n", mentions: ["d_reel", "did you mean d_real"])
    }

    func testTableAcceptsMetricsEvaluationKeysAndTimings() throws {
        try notebook.write("compare.md", page("""
            ```gan-table
            columns: [loss_g, d_fake, modes_covered, high_quality_fraction, diversity, wall_seconds, images_per_second]
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
