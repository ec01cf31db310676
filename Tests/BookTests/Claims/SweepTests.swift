import XCTest
import GAN
@testable import Book

/// `seeds:` and `sweep:` expand one gan block into several runs, each its own cache entry.
final class SweepTests: NotebookTestCase {
    private let base = ["dataset: ring8", "iterations: 20", "batch_size: 32", "log_every: 5", "snapshots: 2"]

    private func block(_ lines: [String]) -> String { "```gan\n" + lines.joined(separator: "\n") + "\n```\n" }

    private func plan(_ text: String) throws -> PlannedPage {
        try notebook.write("p.md", text)
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path, templates: notebook.templates.path,
                                 console: .capturing { _ in })
        return try stages.plan(try stages.loadPages()).pages.first { $0.page.slug == "p" }!
    }

    private func hash(_ lines: [String]) throws -> String {
        try RunConfig.decode(yaml: lines.joined(separator: "\n"), file: "x").runHash
    }

    func testSeedsExpandIntoOneRunPerSeedWithTheHashOfThatSeed() throws {
        let page = try plan("# P\n\n" + block(["id: s"] + base + ["seeds: [1, 2, 3]"]))
        XCTAssertEqual(page.runs.map(\.id), ["s[seed=1]", "s[seed=2]", "s[seed=3]"])
        XCTAssertEqual(page.runs.map(\.hash), try [1, 2, 3].map { try hash(base + ["seed: \($0)"]) })
        XCTAssertEqual(page.runs[0].hash, try hash(base), "seed 1 is the default seed: the same run as a plain block")
    }

    func testSweepsAreTheProductOfTheirValuesAndStableUnderKeyOrder() throws {
        let one = try plan("# P\n\n" + block(["id: s"] + base + ["sweep: {discriminator.dropout: [0.3, 0.5], optimizer.lr: [0.001, 0.0002]}"]))
        let other = try plan("# P\n\n" + block(["id: s"] + base + ["sweep:", "  optimizer.lr: [0.001, 0.0002]", "  discriminator.dropout: [0.3, 0.5]"]))
        XCTAssertEqual(one.runs.count, 4)
        XCTAssertEqual(one.runs.map(\.hash), other.runs.map(\.hash))
        XCTAssertEqual(one.runs.map(\.id), other.runs.map(\.id))
        XCTAssertEqual(one.runs[0].id, "s[dropout=0.3,lr=0.001]")
        XCTAssertEqual(one.runs[0].hash, try hash(base + ["discriminator: {dropout: 0.3}", "optimizer: {lr: 0.001}"]))
        let withSeeds = try plan("# P\n\n" + block(["id: s"] + base + ["sweep: {discriminator.dropout: [0.3, 0.5]}", "seeds: [1, 2]"]))
        XCTAssertEqual(withSeeds.runs.map(\.id), ["s[dropout=0.3,seed=1]", "s[dropout=0.3,seed=2]", "s[dropout=0.5,seed=1]", "s[dropout=0.5,seed=2]"])
    }

    func testBadSweepsFailAtTheirLineBeforeTraining() throws {
        let text = "# P\n\n" + block(["id: s"] + base + ["seed: 3", "seeds: [1, 1]", "sweep: {discriminator.dropuot: [0.3], d_steps: [0]}"])
        try notebook.write("p.md", text)
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("p.md:11:12: seeds: seed 1 is listed twice"), message)
        XCTAssertTrue(message.contains("discriminator.dropuot"), message)
        XCTAssertTrue(message.contains("did you mean dropout?"), message)
        XCTAssertTrue(message.contains("d_steps: must be between 1 and 100, got 0"), message)
        XCTAssertEqual(notebook.entryHashes, [])

        let values = (1...9).map(String.init).joined(separator: ", ")
        try notebook.write("p.md", "# P\n\n" + block(["id: s"] + base + ["seeds: [\(values)]", "sweep: {d_steps: [1, 2, 3, 4, 5, 6, 7, 8]}"]))
        let capped = notebook.buildError()
        XCTAssertTrue(capped.contains("this block expands into 72 runs, more than the 64 one block may train"), capped)
    }

    func testAChangedSeedListTrainsOnlyTheNewSeedsAndRendersOneAggregatedBlock() throws {
        let first = "# P\n\n" + block(["id: s"] + base + ["seeds: [1, 2]"])
        try notebook.write("p.md", first)
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 2)

        let text = "# P\n\nModes `=s.modes_total`, one `=s[seed=3].modes_total`.\n\n" + block(["id: s"] + base + ["seeds: [1, 2, 3]", #"expect: {modes_total: "== 8"}"#])
            + "\n```gan-table\nruns: [s, \"s[seed=2]\"]\ncolumns: [modes_total, d_real]\n```\n\n```gan-compare\nruns: [s]\nmetric: d_fake\n```\n"
            + "\n```gan-check\nmean(s.modes_total) == 8\nmax(s.d_real@last) >= min(s.d_real@last)\n```\n"
        try notebook.write("p.md", text)
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 1, notebook.output)
        XCTAssertEqual(notebook.summaryCount("reused"), 2, notebook.output)
        let html = try notebook.html("p")
        XCTAssertTrue(html.contains("<section class=\"experiment sweep\" id=\"run-s\">"), html)
        XCTAssertEqual(html.components(separatedBy: "<figure id=\"run-s[seed=").count - 1, 3, "one grid per seed")
        XCTAssertTrue(html.contains("class=\"band\""), "a min–max band under the mean curves")
        XCTAssertTrue(html.contains(">8 ± 0 (n = 3)</a>"), html)
        XCTAssertTrue(html.contains(">s (n = 3)</a>"), "the table's parent row aggregates: \(html)")
        XCTAssertTrue(html.contains(">s[seed=2]</a>"), html)
        XCTAssertTrue(html.contains("s (mean of 3)"), "gan-compare draws the parent as its mean: \(html)")
        XCTAssertTrue(html.contains("✓ <code>s[seed=3].modes_total == 8</code>"), html)
        XCTAssertTrue(html.contains("✓ <code>mean(s.modes_total) == 8</code>"), html)

        try notebook.write("p.md", text + "\n```gan-check\ns.modes_total == 8\n```\n")
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("s.modes_total: s is a sweep of 3 runs; write mean(s.modes_total), min, max or std"), message)
    }

    func testAComparisonOfSweepsKeepsEachRunsColourAndTheEquilibriumLine() throws {
        let text = "# P\n\n" + block(["id: a"] + base) + "\n" + block(["id: s"] + base + ["seeds: [2, 3]"])
            + "\n```gan-compare\nruns: [a, s]\nmetric: loss_g\n```\n\n```gan-compare\nruns: [s]\nmetric: modes_covered\n```\n"
        try notebook.write("p.md", text)
        try notebook.build()
        let html = try notebook.html("p")
        // The sweep's line has its first run's colour (the page's second run), in both comparisons.
        let sweepLine = "<g class=\"series\" fill=\"none\" stroke=\"\(ChartPalette.color(1))\" stroke-linejoin=\"round\" data-series=\"s (mean of 2)\">"
        XCTAssertEqual(html.components(separatedBy: sweepLine).count - 1, 2, html)
        XCTAssertTrue(html.contains("<g class=\"series\" fill=\"none\" stroke=\"\(ChartPalette.color(0))\" stroke-linejoin=\"round\" data-series=\"a\">"),
                      html)
        // The first comparison's chart: from its <svg to its </svg>.
        let sweepSeries = try XCTUnwrap(html.range(of: sweepLine))
        let start = try XCTUnwrap(html.range(of: "<svg", options: .backwards, range: html.startIndex..<sweepSeries.lowerBound))
        let end = try XCTUnwrap(html.range(of: "</svg>", range: sweepSeries.upperBound..<html.endIndex))
        XCTAssertTrue(html[start.lowerBound..<end.upperBound].contains("loss_g equilibrium log 2"),
                      "the runs share the non-saturating loss: \(html)")
        XCTAssertEqual(html.components(separatedBy: "<title>s (mean of 2): last value").count - 1, 2,
                       "an evaluation curve (modes_covered) is averaged over the sweep too")
    }
}
