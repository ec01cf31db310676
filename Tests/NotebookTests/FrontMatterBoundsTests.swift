import Foundation
import Notebook
import XCTest

/// Hostile front matter fails quickly with the page line, never crashes or hangs.
final class FrontMatterBoundsTests: XCTestCase {
    private func page(frontMatter: String) -> String {
        "---\n" + frontMatter + "---\n# Title\n"
    }

    private func assertQuickError(_ frontMatter: String, _ name: String) {
        let started = Date()
        let error = PageParsing.error(page(frontMatter: frontMatter))
        XCTAssertNotNil(error?.line, "\(name): \(String(describing: error))")
        XCTAssertEqual(error?.file, "content/page.md", name)
        XCTAssertLessThan((error?.description.count ?? 0), 400, "\(name): a bounded message")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, name)
    }

    func testDeepNestingFails() {
        for levels in [5_000, 100_000] {
            assertQuickError("title: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n",
                             "flow lists \(levels)")
            assertQuickError("title: " + String(repeating: "{a: ", count: levels) + "1" + String(repeating: "}", count: levels) + "\n",
                             "flow mappings \(levels)")
            assertQuickError("title:\n" + String(repeating: "- ", count: levels) + "x\n", "compact lists \(levels)")
        }
        assertQuickError((0..<5_000).map { String(repeating: " ", count: $0) + "title:" }.joined(separator: "\n") + " x\n",
                         "block mappings 5000")
    }

    func testAliasBombInAKeyFails() {
        var lines = ["x: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            lines.append("y\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        assertQuickError(lines.joined(separator: "\n") + "\n? *a8\n: boom\n", "billion laughs in a key")
        assertQuickError(lines.joined(separator: "\n") + "\ntitle: *a8\n", "billion laughs in a value")
    }

    func testKeyThatIsAListIsAnErrorNotAFormattedNode() {
        let error = PageParsing.error(page(frontMatter: "? [a, b]\n: c\n"))
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("a key must be a name") ?? false, "\(String(describing: error))")
    }
}
