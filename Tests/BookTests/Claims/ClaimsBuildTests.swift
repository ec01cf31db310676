import XCTest
@testable import Book

/// Inline values, expectations and gan-check blocks on a tiny notebook of ring8 runs.
final class ClaimsBuildTests: NotebookTestCase {
    private func page(prose: String, extra: [String] = [], check: String? = nil) -> String {
        var text = "# Claims\n\n\(prose)\n\n" + SmallRun.directive(id: "a", extra: extra) + "\n" + SmallRun.directive(id: "b", seed: 2)
        if let check { text += "\n```gan-check\n\(check)\n```\n" }
        return text
    }

    private func lineOf(_ needle: String, in text: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    private func entry(_ id: String) throws -> RunEntry {
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: notebook.templates.path,
                                 console: .capturing { _ in })
        let plan = try stages.plan(try stages.loadPages())
        let run = plan.pages.flatMap(\.runs).first { $0.id == id }!
        return try stages.cache.load(run.hash)
    }

    func testInlineValuesAreWrittenFromTheCacheAndLinkToTheirRun() throws {
        try notebook.write("p.md", page(prose: "Final `=a.d_real@last:.3`, mean `=a.d_fake@mean(0.5..1):%`, "
                                         + "at 10 `=a.loss_g@iteration(10)`, time `=b.wall_seconds:time`, modes `=a.modes_covered`."))
        try notebook.build()
        let a = try entry("a"), b = try entry("b")
        let html = try notebook.html("p")
        let dReal = String(format: "%.3f", a.metrics.lastValue("d_real")!)
        XCTAssertTrue(html.contains("<a class=\"value\" href=\"#run-a\" title=\"a.d_real@last · run \(a.hash.prefix(12))\">\(dReal)</a>"), html)
        let iterations = a.metrics.column("iteration")!, fakes = a.metrics.column("d_fake")!
        let second = zip(iterations, fakes).filter { $0.0 / iterations.last! >= 0.5 }.map(\.1)
        let mean = second.reduce(0, +) / Double(second.count)
        XCTAssertTrue(html.contains(">\(ValueFormat.percent(decimals: nil).format(mean))</a>"), html)
        let atTen = a.metrics.column("loss_g")![iterations.firstIndex(of: 10)!]
        XCTAssertTrue(html.contains(">\(ValueFormat.automatic.format(atTen))</a>"), html)
        XCTAssertTrue(html.contains(">\(DurationText.format(seconds: b.wallSeconds))</a>"), html)
        XCTAssertTrue(html.contains(">\(ValueFormat.automatic.format(a.evaluation["modes_covered"]!))</a>."), html)
        XCTAssertTrue(html.contains("<p>Final <a class=\"value\""), "the paragraph stays one paragraph: \(html)")
    }

    func testAWindowOnAnEvaluationKeyReadsTheSnapshotRowsOfEvaluationCSV() throws {
        try notebook.write("p.md", page(prose: "First `=a.modes_covered_20@iteration(10)`, lowest "
                                         + "`=a.high_quality_fraction@min(0..1):.4`, last `=a.high_quality_fraction@last:.4`."))
        try notebook.build()
        let a = try entry("a")
        let curves = try XCTUnwrap(a.evaluationCurves)
        let quality = try XCTUnwrap(curves.column("high_quality_fraction"))
        XCTAssertGreaterThan(quality.count, 1, "the run keeps several snapshots")
        let html = try notebook.html("p")
        XCTAssertTrue(html.contains(">\(ValueFormat.decimals(4).format(quality.min()!))</a>"), html)
        XCTAssertTrue(html.contains(">\(ValueFormat.decimals(4).format(quality.last!))</a>."), html)
        let firstSnapshot = try XCTUnwrap(curves.column("iteration")).first!
        let modes = try XCTUnwrap(curves.column("modes_covered_20"))
        XCTAssertLessThanOrEqual(firstSnapshot, 10)
        XCTAssertTrue(html.contains("<p>First <a class=\"value\" href=\"#run-a\" title=\"a.modes_covered_20@iteration(10) · run "
                                    + "\(a.hash.prefix(12))\">\(ValueFormat.automatic.format(modes.first!))</a>"), html)
    }

    func testUnknownIdKeyAndWindowFailBeforeTrainingAtTheirLine() throws {
        let text = page(prose: "Line one `=c.d_real`.\nLine two `=a.d_rael@last`.\nLine three `=a.d_real@median(0..1)`.\n"
                        + "Line four `=a.wall_seconds@last`.")
        try notebook.write("p.md", text)
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("p.md:\(lineOf("Line one", in: text)):12: c.d_real: no gan block on this page has id c; "
                                       + "ids on this page: a, b"), message)
        XCTAssertTrue(message.contains("p.md:\(lineOf("Line two", in: text)):12: a.d_rael@last: unknown key d_rael; did you mean d_real?"),
                      message)
        XCTAssertTrue(message.contains("p.md:\(lineOf("Line three", in: text)):23: unknown window @median"), message)
        XCTAssertTrue(message.contains("p.md:\(lineOf("Line four", in: text)):"), message)
        XCTAssertTrue(message.contains("@last reads a metrics.csv or evaluation.csv column, and wall_seconds is neither"), message)
        XCTAssertTrue(message.contains("nothing was trained"), message)
        XCTAssertEqual(notebook.entryHashes, [], "nothing trained")
    }

    func testExpectationsPassOrFailTheBuildAndTheFrozenBuild() throws {
        try notebook.write("p.md", page(prose: "Two runs.", extra: [#"expect: {modes_total: "== 8", "d_real@last": "0..1"}"#],
                                        check: "# across runs\nb.modes_total == a.modes_total"))
        try notebook.build()
        let html = try notebook.html("p")
        XCTAssertTrue(html.contains("✓ <code>a.modes_total == 8</code>"), html)
        XCTAssertTrue(html.contains("<code>a.d_real@last in 0..1</code>"), html)
        XCTAssertTrue(html.contains("<code>b.modes_total == a.modes_total</code>"), html)
        XCTAssertFalse(html.contains("claim failed"), html)

        let text = page(prose: "Two runs.", extra: [#"expect: {modes_total: "> 8"}"#], check: "b.loss_g@last > 1000 * a.loss_g@last")
        try notebook.write("p.md", text)
        let a = try entry("a")
        for frozen in [false, true] {
            let message = notebook.buildError(frozen: frozen)
            XCTAssertTrue(message.contains("p.md:\(lineOf("expect:", in: text)):10: claim failed: a.modes_total > 8 (a.modes_total = 8); "
                                           + "run \(a.hash.prefix(12))"), message)
            XCTAssertTrue(message.contains("p.md:\(lineOf("b.loss_g@last", in: text)):1: claim failed: b.loss_g@last > 1000 * a.loss_g@last (b.loss_g@last = "),
                          message)
        }
        XCTAssertFalse(notebook.output.contains("training"), "the runs are cached: \(notebook.output)")

        try notebook.write("q.md", "# Q\n\n" + SmallRun.directive(id: "c", extra: [#"expect: {modes_total: "< 8"}"#]))
        let both = notebook.buildError()
        XCTAssertTrue(both.contains("p.md:") && both.contains("q.md:11:10: claim failed: c.modes_total < 8"),
                      "the false claims of every page, in one error: \(both)")
    }

    func testKeepGoingRendersThePageWithTheFailedClaimMarked() throws {
        try notebook.write("p.md", page(prose: "Two runs.", extra: [#"expect: {modes_total: "< 8"}"#]))
        var options = notebook.options()
        options.keepGoing = true
        var output = ""
        XCTAssertThrowsError(try SiteBuilder(options: options, console: .capturing { output += $0 }).build()) { error in
            XCTAssertTrue("\(error)".contains("claim failed: a.modes_total < 8 (a.modes_total = 8)"), "\(error)")
        }
        let html = try notebook.html("p")
        XCTAssertTrue(html.contains("<li class=\"claim claim-failed\"><strong>✗ claim failed:</strong> <code>a.modes_total &lt; 8</code>"), html)
    }

    func testMalformedConditionsAndClaimsPointAtTheirColumn() throws {
        let text = page(prose: "Two runs.", extra: [#"expect: {modes_total: ">= 7 7"}"#], check: "  a.modes_total <")
        try notebook.write("p.md", text)
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("p.md:\(lineOf("expect:", in: text)):29: unexpected text after the claim"), message)
        XCTAssertTrue(message.contains("p.md:\(lineOf("  a.modes_total <", in: text)):18: expected a value or a number at the end"), message)
        XCTAssertEqual(notebook.entryHashes, [])
    }

    func testAGanCheckBlockIsNeverReadAsATable() throws {
        try notebook.write("p.md", page(prose: "Two runs.", check: "runs: [a, b]"))
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("gan-check") || message.contains("expected a comparison") || message.contains("unexpected"), message)
        XCTAssertEqual(notebook.entryHashes, [])
    }

    func testCheckCommandPrintsOneLinePerClaimAndFailsOnAFalseOne() throws {
        try notebook.write("p.md", page(prose: "Modes `=a.modes_covered`.", extra: [#"expect: {modes_total: "== 8"}"#],
                                        check: "b.modes_total == a.modes_total\nb.modes_total < 3"))
        var options = notebook.options()
        options.keepGoing = true
        try? SiteBuilder(options: options, console: .capturing { _ in }).build()
        var output = ""
        let check = ClaimCheck(options: CheckOptions(content: notebook.content.path, site: notebook.site.path),
                               console: .capturing { output += $0 })
        XCTAssertThrowsError(try check.run()) { error in
            XCTAssertTrue("\(error)".contains("check failed: 3 claim(s): 2 passed, 1 failed"), "\(error)")
        }
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("pass ") }.count, 2, output)
        XCTAssertEqual(lines.filter { $0.hasPrefix("FAIL ") }.count, 1, output)
        XCTAssertTrue(output.contains("FAIL \(notebook.content.path)/p.md:") || output.contains("FAIL p.md:"), output)
        XCTAssertTrue(output.contains("b.modes_total < 3  (b.modes_total = 8; run "), output)
        XCTAssertTrue(output.contains("1 inline value(s): 1 read, 0 unreadable"), output)

        try notebook.write("p.md", page(prose: "Modes `=a.modes_covered`.", check: "b.modes_total == a.modes_total"))
        output = ""
        XCTAssertNoThrow(try check.run())
        XCTAssertTrue(output.contains("1 claim(s): 1 passed, 0 failed"), output)
    }
}
