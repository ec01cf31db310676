import XCTest
@testable import Book

final class PageNavigationTests: XCTestCase {
    func testHeadingsGetUniqueAnchorsAndAreListed() {
        var anchors = HeadingAnchors(reserved: ["run-a"])
        let html = anchors.anchor("<h2>The <em>minimax</em> loss</h2>\n<p>x</p>\n<h3>Run A</h3>\n<h2>The minimax loss</h2>\n<h2 id=\"own\">Own</h2>\n")
        XCTAssertEqual(html, "<h2 id=\"the-minimax-loss\">The <em>minimax</em> loss</h2>\n<p>x</p>\n<h3 id=\"run-a-2\">Run A</h3>\n"
                       + "<h2 id=\"the-minimax-loss-2\">The minimax loss</h2>\n<h2 id=\"own\">Own</h2>\n")
        XCTAssertEqual(anchors.entries.map(\.title), ["The minimax loss", "Run A", "The minimax loss"])
        XCTAssertEqual(anchors.entries.map(\.isSubsection), [false, true, false])
        XCTAssertEqual(HeadingAnchors.slug("σ(D) & “friends”, 2-D!"), "σ-d-friends-2-d")
        XCTAssertEqual(HeadingAnchors.slug("!!!"), "section")
    }

    func testAHeadingWithMathIsListedByItsTeX() {
        var anchors = HeadingAnchors()
        _ = anchors.anchor(#"<h2>The <span class="math math-inline" data-math="0">\(\alpha &lt; 1\)</span> trick</h2>"#)
        XCTAssertEqual(anchors.entries.map(\.title), ["The \\alpha < 1 trick"])
        XCTAssertEqual(anchors.entries.map(\.anchor), ["the-alpha-1-trick"])
    }

    func testContentsGoRightUnderTheTitle() {
        let contents = ContentsView(entries: [])
        let blocks = ContentsPlacement.insert(contents, into: [.prose("<h1>T</h1>\n<p>intro</p>\n"), .prose("<p>b</p>")])
        XCTAssertEqual(blocks.map { $0.proseHTML ?? ($0.tableOfContents != nil ? "TOC" : "?") },
                       ["<h1>T</h1>\n", "TOC", "\n<p>intro</p>\n", "<p>b</p>"])
        XCTAssertEqual(ContentsPlacement.insert(contents, into: [.prose("<p>a</p>")]).first?.tableOfContents != nil, true)
    }

    func testColumnsShareOneFormat() {
        XCTAssertEqual([0.5, 0.123456, 12].map(ColumnFormat(values: [0.5, 0.123456, 12]).format), ["0.50", "0.12", "12.00"])
        XCTAssertEqual([3, 8].map(ColumnFormat(values: [3, 8]).format), ["3", "8"])
        XCTAssertEqual(ColumnFormat(values: [0.0001, 0.0002]).format(0.0001), "1.000e-04")
        XCTAssertEqual(ColumnFormat(values: [1, 0.25]).format(nil), "—")
        XCTAssertEqual(ColumnFormat(values: [1, 0.25]).format(-0.00001), "0.000")
    }
}
