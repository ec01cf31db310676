import XCTest
import Notebook

final class FrontMatterTests: XCTestCase {
    func testDecodesEveryKey() throws {
        let page = try PageParsing.page("""
        ---
        title: "Mode collapse"
        summary: When G maps all noise to one digit.
        order: 3
        ---
        # A heading that is not the title
        """, path: "content/mode-collapse.md")
        XCTAssertEqual(page.frontMatter, FrontMatter(title: "Mode collapse", summary: "When G maps all noise to one digit.", order: 3))
        XCTAssertEqual(page.title, "Mode collapse")
        XCTAssertEqual(page.slug, "mode-collapse")
        XCTAssertEqual(page.sourcePath, "content/mode-collapse.md")
        XCTAssertEqual(page.blocks, [.prose(html: "<h1>A heading that is not the title</h1>\n")])
    }

    func testFrontMatterIsOptional() throws {
        let page = try PageParsing.page("Just prose.\n")
        XCTAssertEqual(page.frontMatter, FrontMatter())
        XCTAssertEqual(page.blocks, [.prose(html: "<p>Just prose.</p>\n")])
    }

    func testEmptyFrontMatter() throws {
        XCTAssertEqual(try PageParsing.page("---\n---\nText\n").frontMatter, FrontMatter())
    }

    func testTitleFallsBackToFirstLevelOneHeadingText() throws {
        let page = try PageParsing.page("""
        ---
        order: 1
        ---
        ## Not this one

        # The *non-saturating* `loss`
        """)
        XCTAssertEqual(page.title, "The non-saturating loss")
        XCTAssertEqual(page.frontMatter.order, 1)
    }

    func testTitleFallsBackToSlug() throws {
        XCTAssertEqual(try PageParsing.page("## Only level two\n", path: "content/dcgan.md").title, "dcgan")
    }

    func testIndexPage() throws {
        XCTAssertTrue(try PageParsing.page("", path: "content/index.md").isIndex)
        XCTAssertFalse(try PageParsing.page("", path: "content/dcgan.md").isIndex)
    }
}
