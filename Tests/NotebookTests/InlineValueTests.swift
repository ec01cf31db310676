import XCTest
@testable import Notebook

final class InlineValueTests: XCTestCase {
    func testACodeSpanStartingWithEqualsIsAValueBetweenProse() throws {
        let text = "# T\n\nModes: `=plain.modes_covered`, then\n`= b.d_real@last:.2` and `code`.\n"
        let page = try Notebook.parsePage(path: "p.md", text: text, directiveKinds: ["gan"])
        XCTAssertEqual(page.blocks, [
            .prose(html: "<h1>T</h1>\n<p>Modes: "),
            .value(InlineValue(text: "plain.modes_covered", line: 3, column: 10)),
            .prose(html: ", then\n"),
            .value(InlineValue(text: "b.d_real@last:.2", line: 4, column: 4)),
            .prose(html: " and <code>code</code>.</p>\n"),
        ])
    }

    func testValuesInsideListsAndBesideDirectivesKeepTheirOrder() throws {
        let text = "- one `=a.x`\n\n```gan\nid: a\n```\n\n`=a.y`\n"
        let page = try Notebook.parsePage(path: "p.md", text: text, directiveKinds: ["gan"])
        let kinds = page.blocks.map { block -> String in
            switch block {
            case .prose: return "prose"
            case .value(let value): return "value \(value.text) \(value.line)"
            case .directive: return "directive"
            }
        }
        XCTAssertEqual(kinds, ["prose", "value a.x 1", "prose", "directive", "prose", "value a.y 7", "prose"])
    }
}
