import XCTest
@testable import Book

/// Each page states its training cost, the index every page's and the notebook's, from the cache;
/// a run two pages share counts on both, once in the notebook's.
final class TrainingCostBuildTests: ExecutableNotebookTestCase {
    private let arguments = ["--content", "content", "--site", "site", "--templates", "templates", "--threads", "1"]

    /// The run both pages share. It trains long enough that its wall time, stored to 0.1 s, is
    /// never 0: the claim that it counts on both pages and once in the notebook needs it positive
    /// (the default small run can finish in under 0.05 s).
    private func sharedRun(id: String) -> String {
        "```gan\nid: \(id)\ndataset: ring8\niterations: 3000\nbatch_size: 32\nlog_every: 500\nsnapshots: 2\nseed: 5\n```\n"
    }

    private func writeNotebook() throws {
        try notebook.write("index.md", "---\ntitle: T\n---\n\nAll `=training_time(*)` in `=run_count(*)` runs; "
                           + "alpha `=training_time(alpha)` (`=run_count(alpha)`), beta `=training_time(beta):.2` s.\n")
        try notebook.write("alpha.md", SmallRun.page(title: "Alpha", prose: "Cost `=training_time`, `=run_count` runs.",
                                                     sharedRun(id: "shared"), SmallRun.directive(id: "a", seed: 6)))
        try notebook.write("beta.md", SmallRun.page(title: "Beta", prose: "Cost `=training_time`, `=run_count` runs.",
                                                    sharedRun(id: "same"), SmallRun.directive(id: "b", seed: 7),
                                                    "```gan-check\ntraining_time(*) < 14400\nrun_count(*) == 3\n"
                                                    + "training_time(alpha) + training_time(beta) > training_time(*)\n"
                                                    + "training_time == same.wall_seconds + b.wall_seconds\n```\n"))
    }

    /// Wall seconds of each run by id, read from the cache.
    private func seconds() throws -> [String: Double] {
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: notebook.templates.path,
                                 console: .capturing { _ in })
        let plan = try stages.plan(try stages.loadPages())
        var result: [String: Double] = [:]
        for run in plan.pages.flatMap(\.runs) { result[run.id] = try stages.cache.load(run.hash).wallSeconds }
        return result
    }

    func testPagesAndTheIndexStateTheirTrainingCostFromTheCache() throws {
        try writeNotebook()
        let built = try ganbook.run(["build"] + arguments, in: notebook.root)
        XCTAssertEqual(built.status, 0, built.all)
        XCTAssertEqual(notebook.entryHashes.count, 3, "the shared run trains once")
        let s = try seconds()
        XCTAssertEqual(s["shared"], s["same"])
        func time(_ value: Double) -> String { DurationText.format(seconds: value) }
        let alpha = s["shared"]! + s["a"]!, beta = s["same"]! + s["b"]!, all = s["shared"]! + s["a"]! + s["b"]!

        let index = try notebook.html("index")
        XCTAssertTrue(index.contains("All <a class=\"value\" title=\"training_time(*) · 3 run(s)\" href=\"index.html\">\(time(all))</a> in "
                                     + "<a class=\"value\" title=\"run_count(*) · 3 run(s)\" href=\"index.html\">3</a> runs"), index)
        XCTAssertTrue(index.contains("alpha <a class=\"value\" title=\"training_time(alpha) · 2 run(s)\" href=\"alpha.html\">\(time(alpha))</a> "
                                     + "(<a class=\"value\" title=\"run_count(alpha) · 2 run(s)\" href=\"alpha.html\">2</a>)"), index)
        XCTAssertTrue(index.contains("beta <a class=\"value\" title=\"training_time(beta) · 2 run(s)\" href=\"beta.html\">\(String(format: "%.2f", beta))</a> s"), index)
        XCTAssertTrue(try notebook.html("alpha").contains("Cost <span class=\"value\" title=\"training_time · 2 run(s)\">\(time(alpha))</span>, "
                                                          + "<span class=\"value\" title=\"run_count · 2 run(s)\">2</span> runs."))
        let betaHTML = try notebook.html("beta")
        XCTAssertTrue(betaHTML.contains("Cost <span class=\"value\" title=\"training_time · 2 run(s)\">\(time(beta))</span>"), betaHTML)
        XCTAssertTrue(betaHTML.contains("✓ <code>training_time(*) &lt; 14400</code>"), betaHTML)
        XCTAssertTrue(betaHTML.contains("✓ <code>run_count(*) == 3</code>"), betaHTML)
        XCTAssertTrue(betaHTML.contains("✓ <code>training_time(alpha) + training_time(beta) &gt; training_time(*)</code>"),
                      "the shared run counts on both pages, once in the notebook: \(betaHTML)")
        XCTAssertTrue(betaHTML.contains("✓ <code>training_time == same.wall_seconds + b.wall_seconds</code>"), betaHTML)

        // CI: the frozen build renders the same values, and check evaluates the claims.
        let frozen = try ganbook.run(["build", "--frozen"] + arguments, in: notebook.root)
        XCTAssertEqual(frozen.status, 0, frozen.all)
        let check = try ganbook.run(["check", "--content", "content", "--site", "site"], in: notebook.root)
        XCTAssertEqual(check.status, 0, check.all)
        XCTAssertTrue(check.all.contains("pass content/beta.md:") && check.all.contains("run_count(*) == 3  (run_count(*) = 3 over 3 run(s))\n"),
                      check.all)
        XCTAssertTrue(check.all.contains("4 claim(s): 4 passed, 0 failed; 9 inline value(s): 9 read, 0 unreadable"), check.all)

        // A false claim on the notebook's cost fails the build like any other.
        try notebook.write("beta.md", SmallRun.page(title: "Beta", sharedRun(id: "same"),
                                                    "```gan-check\nrun_count(*) > 3\n```\n"))
        let failing = try ganbook.run(["build", "--frozen"] + arguments, in: notebook.root)
        XCTAssertNotEqual(failing.status, 0)
        XCTAssertTrue(failing.all.contains("claim failed: run_count(*) > 3 (run_count(*) = 2 over 2 run(s))"), failing.all)
    }

    func testOnlyOnePageBuiltLeavesTheOthersCostNotTrained() throws {
        try writeNotebook()
        let built = try ganbook.run(["build", "--only", "alpha"] + arguments, in: notebook.root)
        XCTAssertEqual(built.status, 0, built.all)
        XCTAssertEqual(notebook.entryHashes.count, 2)
        let index = try notebook.html("index")
        XCTAssertTrue(index.contains("All <span class=\"value not-trained\" title=\"training_time(*) · needs a run this build did not train\">(not trained)</span>"),
                      index)
        XCTAssertTrue(index.contains(">3</a> runs"), "the number of runs is known without training: \(index)")
        XCTAssertTrue(index.contains("alpha <a class=\"value\" title=\"training_time(alpha) · 2 run(s)\""), index)
        let frozen = try ganbook.run(["build", "--frozen"] + arguments, in: notebook.root)
        XCTAssertNotEqual(frozen.status, 0)
        XCTAssertTrue(frozen.all.contains("--frozen: 1 run(s)") && frozen.all.contains(": b "), frozen.all)
    }
}
