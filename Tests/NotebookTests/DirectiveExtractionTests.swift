import XCTest
import Notebook

final class DirectiveExtractionTests: XCTestCase {
    func testDirectiveBetweenProseWithoutFrontMatter() throws {
        let text = """
        # MLP GAN

        A first run.

        ```gan
        id: mlp
        dataset: mnist   # the digits
        ```

        It learns.
        """
        let page = try PageParsing.page(text)
        XCTAssertEqual(page.blocks, [
            .prose(html: "<h1>MLP GAN</h1>\n<p>A first run.</p>\n"),
            .directive(Directive(kind: "gan", body: "id: mlp\ndataset: mnist   # the digits\n", line: 6, index: 0)),
            .prose(html: "<p>It learns.</p>\n"),
        ])
    }

    func testLinesCountFrontMatter() throws {
        let text = """
        ---
        title: Losses
        order: 2
        ---
        Intro.

        ```gan
        loss: minimax
        ```
        """
        let page = try PageParsing.page(text)
        XCTAssertEqual(page.directives, [Directive(kind: "gan", body: "loss: minimax\n", line: 8, index: 0)])
        XCTAssertEqual(page.blocks.first, .prose(html: "<p>Intro.</p>\n"))
    }

    func testSeveralDirectivesOfEveryKindKeepTheirOrder() throws {
        let text = """
        ```gan
        id: a
        ```
        ```gan
        id: b
        ```

        ~~~gan-compare
        runs: [a, b]
        metric: loss_g
        ~~~

        ```gan-table
        ```
        """
        let page = try PageParsing.page(text)
        XCTAssertEqual(page.blocks, [
            .directive(Directive(kind: "gan", body: "id: a\n", line: 2, index: 0)),
            .directive(Directive(kind: "gan", body: "id: b\n", line: 5, index: 1)),
            .directive(Directive(kind: "gan-compare", body: "runs: [a, b]\nmetric: loss_g\n", line: 9, index: 2)),
            .directive(Directive(kind: "gan-table", body: "", line: 14, index: 3)),
        ])
    }

    func testOtherFencesStayCode() throws {
        let text = """
        ```yaml
        id: not-a-run
        ```

        ```gan extra words
        id: run
        ```
        """
        let page = try PageParsing.page(text)
        XCTAssertEqual(page.blocks, [
            .prose(html: "<pre><code class=\"language-yaml\">id: not-a-run\n</code></pre>\n"),
            .directive(Directive(kind: "gan", body: "id: run\n", line: 6, index: 0)),
        ])
    }

    func testKindsComeFromTheCaller() throws {
        let page = try Notebook.parsePage(path: "p.md", text: "```gan\nid: a\n```\n", directiveKinds: ["plot"])
        XCTAssertEqual(page.blocks, [.prose(html: "<pre><code class=\"language-gan\">id: a\n</code></pre>\n")])
    }

    func testFootnotesWorkAcrossDirectivesAndLandAtTheEnd() throws {
        let text = """
        Before.[^1]

        ```gan
        id: a
        ```

        After.

        ```gan
        id: b
        ```

        [^1]: The note.
        """
        let page = try PageParsing.page(text)
        XCTAssertEqual(page.blocks.count, 5)
        XCTAssertEqual(page.blocks[0], .prose(html: "<p>Before.<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></p>\n"))
        XCTAssertEqual(page.blocks[2], .prose(html: "<p>After.</p>\n"))
        XCTAssertEqual(page.blocks[4], .prose(html: """
        <section class="footnotes" data-footnotes>
        <ol>
        <li id="fn-1">
        <p>The note. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
        </li>
        </ol>
        </section>

        """))
    }

    func testPlaceholderLookalikeInThePageIsLeftAlone() throws {
        let text = "<!--ganbook-directive-0-->\n\n```gan\nid: a\n```\n"
        let page = try PageParsing.page(text)
        XCTAssertEqual(page.blocks, [
            .prose(html: "<!--ganbook-directive-0-->\n"),
            .directive(Directive(kind: "gan", body: "id: a\n", line: 4, index: 0)),
        ])
    }

    func testWindowsLineEndingsReadAsNewlines() throws {
        let page = try PageParsing.page("---\r\ntitle: T\r\n---\r\n```gan\r\nid: a\r\n```\r\n")
        XCTAssertEqual(page.title, "T")
        XCTAssertEqual(page.directives, [Directive(kind: "gan", body: "id: a\n", line: 5, index: 0)])
    }
}
