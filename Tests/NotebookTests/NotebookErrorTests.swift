import XCTest
import Notebook

final class NotebookErrorTests: XCTestCase {
    func testUnknownFrontMatterKeySuggestsClosest() {
        let error = PageParsing.error("---\ntitle: A\ntitel: B\n---\n", path: "content/a.md")
        XCTAssertEqual(error?.description,
                       "content/a.md:3: unknown front-matter key (titel): expected one of title, summary, order; did you mean title?")
    }

    func testUnknownKeyFarFromAnyValidKeyListsTheValidOnes() {
        XCTAssertEqual(PageParsing.error("---\nauthor: me\n---\n")?.description,
                       "content/page.md:2: unknown front-matter key (author): expected one of title, summary, order")
    }

    func testWrongTypeNamesTheLine() {
        XCTAssertEqual(PageParsing.error("---\ntitle: A\n\norder: first\n---\n")?.description,
                       "content/page.md:4: wrong type for front-matter key (order): expected an integer, got \"first\"")
        XCTAssertEqual(PageParsing.error("---\ntitle: [a, b]\n---\n")?.description,
                       "content/page.md:2: wrong type for front-matter key (title): expected a string, got a list")
    }

    func testDuplicateKey() {
        XCTAssertEqual(PageParsing.error("---\norder: 1\norder: 2\n---\n")?.description,
                       "content/page.md:3:1: order: key written twice (first on line 2); keep one")
    }

    func testFrontMatterMustBeAMapping() {
        XCTAssertEqual(PageParsing.error("---\n- a\n---\n")?.line, 2)
    }

    func testInvalidYAMLPointsIntoTheFile() {
        let error = PageParsing.error("---\ntitle: A\nsummary: [unclosed\n---\n")
        XCTAssertEqual(error?.line, 4, "libyaml notices the missing ] where the YAML ends")
        XCTAssertTrue(error?.message.hasPrefix("front matter is not valid YAML: ") ?? false, "\(String(describing: error))")
    }

    func testUnterminatedFrontMatter() {
        XCTAssertEqual(PageParsing.error("---\ntitle: A\n\n# Heading\n")?.description,
                       "content/page.md:1: front matter opened here is never closed: expected a line with just ---")
    }

    func testUnclosedDirectiveFenceNamesItsOpeningLine() {
        let text = "---\ntitle: A\n---\nIntro.\n\n```gan\nid: a\n\n```gan-table\n"
        XCTAssertEqual(PageParsing.error(text)?.description,
                       "content/page.md:6: gan directive: the fence opened here is never closed")
    }

    func testUnclosedDirectiveFenceOnTheLastLine() {
        XCTAssertEqual(PageParsing.error("Text\n\n````gan")?.line, 3)
    }

    func testShorterFenceDoesNotClose() {
        XCTAssertEqual(PageParsing.error("````gan\nid: a\n```\n")?.line, 1)
    }

    func testLongerFenceCloses() throws {
        XCTAssertEqual(try PageParsing.page("```gan\nid: a\n`````  \n").directives.map(\.body), ["id: a\n"])
    }

    func testDirectiveInsideAListIsAnError() {
        XCTAssertEqual(PageParsing.error("- item\n\n  ```gan\n  id: a\n  ```\n")?.description,
                       "content/page.md:3: gan directive inside a list, quote or footnote: directives must stand at the top level of the page")
    }

    func testDescriptionWithoutLine() {
        XCTAssertEqual(NotebookError(file: "content", line: nil, message: "content folder not found").description,
                       "content: content folder not found")
    }
}
