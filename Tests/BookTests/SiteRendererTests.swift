import XCTest
@testable import Book

final class SiteRendererTests: XCTestCase {
    /// The repository's own templates folder, the one the site is built with.
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    var fixture: RunEntryFixture!

    override func setUpWithError() throws { fixture = try RunEntryFixture() }
    override func tearDown() { fixture.cleanUp() }

    func testTemplateSetLoadsTemplatesAndAssets() throws {
        let set = try TemplateSet.load(from: Self.templatesFolder)
        for name in TemplateSet.requiredTemplates { XCTAssertTrue(set.templateNames.contains(name), name) }
        XCTAssertEqual(set.assetPaths, ["evolution.js", "style.css"])
    }

    func testPageContainsBlocksInOrderWithRelativeAssetLinks() throws {
        let renderer = try SiteRenderer(templatesFolder: Self.templatesFolder)
        let entry = try RunEntry.load(from: fixture.folder)
        let experiment = try ExperimentViewBuilder(runsPath: "../runs/").build(runID: "mlp-mnist", caption: "Baseline run",
                                                                               entry: entry)
        let compare = try CompareViewBuilder.build(metric: "d_fake", title: "D(G(z)) side by side",
                                                   runs: [(runID: "mlp-mnist", entry: entry)], file: "p.md", line: 3)
        let table = try TableViewBuilder.build(title: "Summary", columns: ["loss_g"],
                                               runs: [(runID: "mlp-mnist", entry: entry)], file: "p.md", line: 4)
        let page = PageView(siteTitle: "GAN notebook", title: "Minimax vs non-saturating", blocks: [
            .prose("<p>First paragraph.</p>"),
            .experiment(experiment),
            .prose("<p>Second paragraph.</p>"),
            .comparison(compare),
            .table(table),
        ], rootPath: "../")
        let html = renderer.renderPage(page)

        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"../style.css\">"))
        XCTAssertTrue(html.contains("<script src=\"../evolution.js\" defer></script>"))
        XCTAssertTrue(html.contains("<h1>Minimax vs non-saturating</h1>"))
        XCTAssertTrue(html.contains("<section class=\"experiment\" id=\"run-mlp-mnist\">"))
        XCTAssertTrue(html.contains("<p class=\"caption\">Baseline run</p>"))
        XCTAssertTrue(html.contains("<img src=\"../runs/\(RunEntryFixture.hash)/samples/final.png\""))
        XCTAssertTrue(html.contains("<figcaption>iteration 1000</figcaption>"))
        XCTAssertTrue(html.contains("<a href=\"../runs/\(RunEntryFixture.hash)/samples/evolution.png\">"))
        XCTAssertTrue(html.contains("<th scope=\"row\">mode_coverage</th><td>0.875</td>"))
        XCTAssertTrue(html.contains("<h3>D(G(z)) side by side</h3>"))
        // A logged column's table value is the mean of the last 10 rows (0.7 + 0.01 · mean of row % 7).
        XCTAssertTrue(html.contains("<th scope=\"row\"><a href=\"#run-mlp-mnist\">mlp-mnist</a></th><td>0.7330</td>"), html)
        XCTAssertTrue(html.contains("last 10 logged rows (each row is one minibatch)"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 4, "three run charts and one comparison")
        XCTAssertFalse(html.contains("{{"), "no unrendered Mustache tags")

        let order = ["First paragraph", "id=\"run-mlp-mnist\"", "Second paragraph", "class=\"comparison\"", "results-table"]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertEqual(renderer.renderPage(page), html, "rendering is deterministic")
    }

    func testTextIsEscapedButProseAndChartsAreNot() throws {
        let renderer = try SiteRenderer(templatesFolder: Self.templatesFolder)
        let entry = try RunEntry.load(from: fixture.folder)
        let experiment = try ExperimentViewBuilder().build(runID: "x\"><b>", caption: "a < b & \"c\"", entry: entry)
        let html = renderer.renderPage(PageView(siteTitle: "S&P", title: "<i>T</i>",
                                                blocks: [.prose("<p><em>kept</em></p>"), .experiment(experiment)]))
        XCTAssertTrue(html.contains("<title>&lt;i&gt;T&lt;/i&gt; · S&amp;P</title>"))
        XCTAssertTrue(html.contains("<p class=\"caption\">a &lt; b &amp; &quot;c&quot;</p>"))
        XCTAssertTrue(html.contains("id=\"run-x&quot;&gt;&lt;b&gt;\""))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("<p><em>kept</em></p>"))
        // The config goes into a <pre> escaped, so a string in it cannot open a tag.
        XCTAssertTrue(html.contains("&quot;note&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"))
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    func testIndexListsPages() throws {
        let renderer = try SiteRenderer(templatesFolder: Self.templatesFolder)
        let html = renderer.renderIndex(IndexView(siteTitle: "GAN notebook", introHTML: "<p>Welcome.</p>", pages: [
            IndexPageEntry(title: "Mode collapse", summary: "Why G & D cycle", link: "mode-collapse.html",
                           runCount: 3, trainingSeconds: 4000),
            IndexPageEntry(title: "Latent space", summary: "z in 2-D", link: "latent.html",
                           runCount: 1, trainingSeconds: 12),
        ]))
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
        XCTAssertTrue(html.contains("<p>Welcome.</p>"))
        XCTAssertTrue(html.contains("<h2><a href=\"mode-collapse.html\">Mode collapse</a></h2>"))
        XCTAssertTrue(html.contains("Why G &amp; D cycle"))
        XCTAssertTrue(html.contains("3 runs · 1 h 07 min of training"))
        XCTAssertTrue(html.contains("1 run · 12 s of training"))
    }

    func testMissingAndBrokenTemplatesAreErrors() throws {
        let folder = fixture.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in TemplateSet.requiredTemplates where name != "table" {
            try Data("{{title}}".utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
        }
        XCTAssertThrowsError(try TemplateSet.load(from: folder)) {
            XCTAssertEqual(($0 as? BookError)?.file, folder.appendingPathComponent("table.mustache").path)
        }
        try Data("<table>\n{{#rows}}\n<tr>\n".utf8).write(to: folder.appendingPathComponent("table.mustache"))
        XCTAssertThrowsError(try TemplateSet.load(from: folder)) {
            let error = $0 as? BookError
            XCTAssertEqual(error?.file, folder.appendingPathComponent("table.mustache").path)
            XCTAssertNotNil(error?.line)
        }
        XCTAssertThrowsError(try TemplateSet.load(from: folder.appendingPathComponent("nope")))
    }
}
