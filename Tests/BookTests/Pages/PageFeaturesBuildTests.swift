import XCTest
@testable import Book

/// A built notebook's pages: contents with anchors, previous/next links, run data links that
/// resolve, math typeset (with KaTeX's stylesheet shipped), the run's own equilibrium lines,
/// evolution frames marked with their iteration, and tables that say what their values are.
final class PageFeaturesBuildTests: NotebookTestCase {
    func testBuiltPagesHaveNavigationRunLinksMathAndRunSpecificReferenceLines() throws {
        try notebook.write("a.md", "---\norder: 1\n---\n" + SmallRun.page(
            title: "First", prose: "The value $V(D, G)$ and `$code$`.\n\n## Smoothed minimax\n\nText.",
            SmallRun.directive(id: "mm", extra: ["loss: minimax", "label_smoothing: 0.9"]),
            "\n## Results\n\n```gan-table\ncolumns: [loss_g, wall_seconds]\n```\n"))
        try notebook.write("b.md", "---\norder: 2\n---\n# Second\n\nNo runs here.\n")
        try notebook.build()
        let first = try notebook.html("a"), second = try notebook.html("b")

        XCTAssertTrue(first.contains("<h2 id=\"smoothed-minimax\">Smoothed minimax</h2>"), first)
        XCTAssertTrue(first.contains("<a href=\"#smoothed-minimax\">Smoothed minimax</a>"), first)
        XCTAssertTrue(first.contains("<a href=\"#results\">Results</a>"), first)
        XCTAssertLessThan(try XCTUnwrap(first.range(of: "<h1>First</h1>")).lowerBound,
                          try XCTUnwrap(first.range(of: "<nav class=\"toc\"")).lowerBound, "contents under the title")
        XCTAssertTrue(first.contains("<a class=\"next\" rel=\"next\" href=\"b.html\">Second →</a>"), first)
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(second.contains("<a class=\"previous\" rel=\"prev\" href=\"a.html\">← First</a>"), second)

        let hash = try XCTUnwrap(notebook.entryHashes.first)
        for name in ["config.json", "metrics.csv", "eval.json"] {
            XCTAssertTrue(first.contains("<a href=\"runs/\(hash)/\(name)\">\(name)</a>"), name)
            XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("runs/\(hash)/\(name)").path))
        }
        XCTAssertTrue(first.contains("equilibrium α/2 = 0.45 (α = 0.9)"), "σ(D) line at α/2")
        XCTAssertTrue(first.contains("loss_g equilibrium log(1 − α/2) ≈ -0.5978"), "minimax with smoothing")
        XCTAssertTrue(first.contains("class=\"evolution-frame\" data-iteration=\"20\""), first)
        XCTAssertTrue(first.contains("loss_g<small class=\"column-note\">mean of last 10 rows</small>"), first)
        XCTAssertTrue(first.contains("<code>$code$</code>"), "math in code is left alone")

        if KatexCommand.find() != nil {
            XCTAssertTrue(first.contains("<span class=\"math math-inline\"><span class=\"katex\">"), first)
            XCTAssertTrue(first.contains("assets/katex/katex.min.css"))
            XCTAssertFalse(second.contains("katex.min.css"), "a page without math links no KaTeX")
            XCTAssertTrue(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("assets/katex/katex.min.css").path))
        } else {
            XCTAssertTrue(first.contains("\\(V(D, G)\\)"), "the TeX stays readable")
        }
    }
}
