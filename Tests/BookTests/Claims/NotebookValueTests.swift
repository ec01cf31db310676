import XCTest
@testable import Book

/// `training_time` and `run_count`, for this page, another page and the whole notebook: their
/// syntax, inline and in claims, and the errors found before training.
final class NotebookValueTests: NotebookTestCase {
    func testEveryFormParses() throws {
        let page = try ReferenceParser.parse("training_time", allowFormat: true)
        XCTAssertEqual(page.scope, .page)
        XCTAssertEqual(page.measure, .trainingTime)
        XCTAssertNil(page.run)
        XCTAssertEqual(page.format, .automatic)
        let other = try ReferenceParser.parse("training_time(mode-collapse):.0", allowFormat: true)
        XCTAssertEqual(other.scope, .otherPage("mode-collapse"))
        XCTAssertEqual(other.format, .decimals(0))
        XCTAssertEqual(other.shown, "training_time(mode-collapse)")
        let all = try ReferenceParser.parse("run_count(*)", allowFormat: true)
        XCTAssertEqual(all.scope, .notebook)
        XCTAssertEqual(all.measure, .runCount)
        XCTAssertEqual(all.shown, "run_count(*)")
        XCTAssertEqual(try ReferenceParser.parse("run_count( * )", allowFormat: true).scope, .notebook)
        XCTAssertEqual(try ReferenceParser.parse("run_count", allowFormat: false).scope, .page)
        // A run whose id starts with a measure's name is still a run.
        let run = try ReferenceParser.parse("run_count.wall_seconds", allowFormat: false)
        XCTAssertEqual(run.run, "run_count")
        XCTAssertNil(run.scope)
        XCTAssertEqual(NotebookMeasure.trainingTime.defaultFormat, .time)
    }

    func testMalformedFormsAreErrorsAtTheirColumn() {
        func failure(_ text: String) -> ClaimSyntaxError? {
            do { _ = try ReferenceParser.parse(text, allowFormat: true); return nil } catch { return error as? ClaimSyntaxError }
        }
        XCTAssertEqual(failure("training_time@last")?.message, "training_time is one number for a set of runs: it takes no window")
        XCTAssertEqual(failure("training_time@last")?.offset, 13)
        XCTAssertEqual(failure("run_count()")?.message, "run_count(): name a page by its slug, or * for the whole notebook")
        XCTAssertEqual(failure("run_count()")?.offset, 10)
        XCTAssertNotNil(failure("training_time(a b)"))
        XCTAssertNotNil(failure("training_time(a)x"))
        XCTAssertEqual(failure("training_time(*):hours")?.message, "unknown format :hours")
    }

    func testClaimsReadNotebookValues() throws {
        XCTAssertEqual(try ClaimParser.claim("training_time(*) < 14400"),
                       .compare(.value(try ReferenceParser.parse("training_time(*)", allowFormat: false)), .less, .number(14400)))
        guard case .compare(let left, .equal, let right) = try ClaimParser.claim("run_count(alpha) + run_count(beta)*2 == run_count(*)") else {
            return XCTFail("not a comparison")
        }
        XCTAssertEqual(left.references.map(\.shown), ["run_count(alpha)", "run_count(beta)"])
        XCTAssertEqual(right.references.map(\.scope), [.notebook])
    }

    func testUnknownSlugAndMisplacedFormsFailBeforeTrainingAtTheirPlace() throws {
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", prose: "Cost `=training_time(betta)`.", SmallRun.directive(id: "a")))
        let beta = SmallRun.page(title: "Beta", SmallRun.directive(id: "b", extra: [#"expect: {training_time: "< 60"}"#]),
                                 "```gan-check\n  run_count(alhpa) == 1\n```\n")
        try notebook.write("beta.md", beta)
        func line(_ needle: String) -> Int { (beta.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1 }
        try notebook.write("index.md", "---\ntitle: T\n---\n\nThis page: `=training_time`.\n")
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("alpha.md:3:8: training_time(betta): no page has the slug betta; did you mean beta?"), message)
        XCTAssertTrue(message.contains("beta.md:\(line("run_count(alhpa)")):3: run_count(alhpa): no page has the slug alhpa; did you mean alpha?"), message)
        XCTAssertTrue(message.contains("beta.md:\(line("expect:")):10: expect: training_time: an expectation is about its own run"), message)
        XCTAssertTrue(message.contains("index.md:5:14: training_time: the index has no runs of its own; write training_time(*)"), message)
        XCTAssertTrue(message.contains("nothing was trained"), message)
        XCTAssertEqual(notebook.entryHashes, [])
    }
}
