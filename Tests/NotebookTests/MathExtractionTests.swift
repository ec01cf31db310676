import XCTest
import Notebook

/// TeX in prose comes out of the Markdown untouched by emphasis or escapes, marked for typesetting,
/// readable as TeX; code and prose dollars stay as they are.
final class MathExtractionTests: XCTestCase {
    func testInlineAndDisplayMathKeepTheirTeXExactly() throws {
        let page = try PageParsing.page("""
        # T

        The loss $a_1 + b_2 * c_3 * d$ and \\(x \\le y\\).

        $$
        \\min_G \\max_D V(D, G)
        $$

        \\[ E = mc^2 \\]
        """)
        XCTAssertEqual(page.math.map(\.tex), ["a_1 + b_2 * c_3 * d", "x \\le y", "\\min_G \\max_D V(D, G)", "E = mc^2"])
        XCTAssertEqual(page.math.map(\.isDisplay), [false, false, true, true])
        XCTAssertEqual(page.math.map(\.line), [3, 3, 5, 9])
        guard case .prose(let html) = page.blocks[0] else { return XCTFail("\(page.blocks)") }
        XCTAssertTrue(html.contains(#"<span class="math math-inline" data-math="0">\(a_1 + b_2 * c_3 * d\)</span>"#), html)
        XCTAssertTrue(html.contains(#"<span class="math math-inline" data-math="1">\(x \le y\)</span>"#), html)
        XCTAssertTrue(html.contains(#"<span class="math math-display" data-math="2">\[\min_G \max_D V(D, G)\]</span>"#), html)
        XCTAssertFalse(html.contains("<em>"), "emphasis must not reach into math: \(html)")
    }

    func testCodeSpansBlocksAndPriceDollarsAreLeftAlone() throws {
        let page = try PageParsing.page("""
        Costs $5 and $10 today, and a \\$ sign; `$x$ in code` stays.

        ```
        $$ not math $$
        ```

            $indented$ code
        """)
        XCTAssertEqual(page.math, [])
        guard case .prose(let html) = page.blocks[0] else { return XCTFail("\(page.blocks)") }
        XCTAssertTrue(html.contains("Costs $5 and $10 today, and a $ sign; <code>$x$ in code</code> stays."), html)
        XCTAssertTrue(html.contains("<pre><code>$$ not math $$\n</code></pre>"), html)
        XCTAssertTrue(html.contains("<pre><code>$indented$ code\n</code></pre>"), html)
    }

    func testLineNumbersAfterAMultiLineFormulaStayRight() throws {
        let page = try PageParsing.page("$$\na\n+\nb\n$$\n\n```gan\nid: x\n```\n")
        XCTAssertEqual(page.directives.first?.line, 8)
        XCTAssertEqual(page.math.first?.tex, "a\n+\nb")
    }

    func testMathInALinkTitleAndInAHeadingStaysSourceText() throws {
        let page = try PageParsing.page("# The $\\alpha$ trick\n\n[a](https://x.org \"about $y$\")\n")
        XCTAssertEqual(page.title, "The $\\alpha$ trick")
        guard case .prose(let html) = page.blocks[0] else { return XCTFail("\(page.blocks)") }
        XCTAssertTrue(html.contains("title=\"about $y$\""), html)
    }

    func testReservedCharactersAreRefusedWithTheirLine() {
        let error = PageParsing.error("# A\n\nsome \u{E000}1\u{E001} text\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("U+E000") ?? false, "\(String(describing: error))")
    }
}
