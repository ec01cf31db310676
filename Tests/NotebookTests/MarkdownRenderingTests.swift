import XCTest
import Notebook

final class MarkdownRenderingTests: XCTestCase {
    func testTableWithAlignment() throws {
        let markdown = """
        | Loss | G steps | D(x) |
        |:-----|:-------:|-----:|
        | minimax | 1 | 0.5 |
        """
        XCTAssertEqual(try PageParsing.html(markdown), """
        <table>
        <thead>
        <tr>
        <th align="left">Loss</th>
        <th align="center">G steps</th>
        <th align="right">D(x)</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="left">minimax</td>
        <td align="center">1</td>
        <td align="right">0.5</td>
        </tr>
        </tbody>
        </table>

        """)
    }

    func testFencedCodeGetsLanguageClassAndEscapedContent() throws {
        let markdown = """
        ```python
        if a < b and c > d: print("x & y")
        ```
        """
        XCTAssertEqual(try PageParsing.html(markdown), """
        <pre><code class="language-python">if a &lt; b and c &gt; d: print(&quot;x &amp; y&quot;)
        </code></pre>

        """)
    }

    func testFootnoteReferenceAndDefinition() throws {
        let markdown = """
        Goodfellow et al. introduced GANs.[^gan]

        [^gan]: Generative Adversarial Nets, 2014.
        """
        XCTAssertEqual(try PageParsing.html(markdown), """
        <p>Goodfellow et al. introduced GANs.<sup class="footnote-ref"><a href="#fn-gan" id="fnref-gan" data-footnote-ref>1</a></sup></p>
        <section class="footnotes" data-footnotes>
        <ol>
        <li id="fn-gan">
        <p>Generative Adversarial Nets, 2014. <a href="#fnref-gan" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
        </li>
        </ol>
        </section>

        """)
    }

    func testStrikethrough() throws {
        XCTAssertEqual(try PageParsing.html("The ~~minimax~~ non-saturating loss."),
                       "<p>The <del>minimax</del> non-saturating loss.</p>\n")
    }

    func testAutolink() throws {
        XCTAssertEqual(try PageParsing.html("Data from https://yann.lecun.com/exdb/mnist/ and www.example.org."),
                       "<p>Data from <a href=\"https://yann.lecun.com/exdb/mnist/\">https://yann.lecun.com/exdb/mnist/</a>"
                       + " and <a href=\"http://www.example.org\">www.example.org</a>.</p>\n")
    }

    func testTaskList() throws {
        let markdown = """
        - [x] train the MLP GAN
        - [ ] try packing
        """
        XCTAssertEqual(try PageParsing.html(markdown), """
        <ul>
        <li><input type="checkbox" checked="" disabled="" /> train the MLP GAN</li>
        <li><input type="checkbox" disabled="" /> try packing</li>
        </ul>

        """)
    }

    func testRawHTMLPassesThroughAndQuotesStayStraight() throws {
        XCTAssertEqual(try PageParsing.html("<figure>x</figure>\n\n\"D's\" -- loss"),
                       "<figure>x</figure>\n<p>&quot;D's&quot; -- loss</p>\n")
    }
}
