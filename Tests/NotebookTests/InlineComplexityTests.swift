import Foundation
import XCTest
@testable import Notebook

/// cmark-gfm's inline parser is quadratic in a paragraph's emphasis marks and brackets together:
/// such a paragraph is refused at its line before cmark sees it, and quickly.
final class InlineComplexityTests: XCTestCase {
    private func parse(_ text: String) throws -> Page {
        try Notebook.parsePage(path: "p.md", text: text, directiveKinds: ["gan"])
    }

    func testHugeParagraphOfEmphasisAndLinksIsRefusedQuicklyAtItsLine() {
        for unit in ["*a* [b](c) ", "_a_ [b][] ", "**a** [b](c)\n", "*a [b](c) "] {
            let text = "# Page\n\nIntro.\n\n" + String(repeating: unit, count: 20_000) + "\n"
            let started = Date()
            XCTAssertThrowsError(try parse(text)) { error in
                let error = error as? NotebookError
                XCTAssertEqual(error?.line, 5, "\(unit): \(String(describing: error))")
                XCTAssertTrue(error?.description.contains("split it into paragraphs with blank lines") ?? false)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, unit)
        }
    }

    func testTheSameTextInParagraphsOrCodeIsRead() throws {
        let paragraphs = String(repeating: "Some *emphasis* and a [link](http://x).\n\n", count: 20_000)
        XCTAssertEqual(try parse("# Page\n\n" + paragraphs).blocks.count, 1)
        let code = "```c\n" + String(repeating: "a[i] = *p++; b[j] = *q_r;\n", count: 20_000) + "```\n"
        XCTAssertNoThrow(try parse("# Page\n\n" + code))
    }

    func testScanCountsOneRunOfLinesAtATime() {
        let lines: [Substring] = ["* a ]", "", "*]"]
        XCTAssertNil(InlineComplexityScan.firstExcess(in: lines))
        let dense = [Substring(String(repeating: "*", count: 5_000)), Substring(String(repeating: "]", count: 5_000))]
        XCTAssertEqual(InlineComplexityScan.firstExcess(in: dense)?.line, 1)
        XCTAssertNil(InlineComplexityScan.firstExcess(in: [dense[0], "", dense[1]]))
    }
}

/// A page far larger than any hand-written one is refused before it is read whole.
final class PageSizeTests: XCTestCase {
    func testHugePageIsRefusedUnread() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("big.md")
        XCTAssertTrue(FileManager.default.createFile(atPath: page.path, contents: nil))
        try FileHandle(forWritingTo: page).truncate(atOffset: 1 << 30)
        try Data("# Fine\n".utf8).write(to: folder.appendingPathComponent("index.md"))
        let started = Date()
        let reading = try Notebook.readPages(in: folder, directiveKinds: ["gan"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(reading.pages.map(\.slug), ["index"])
        XCTAssertEqual(reading.problems.count, 1)
        XCTAssertTrue(reading.problems.first?.message.hasPrefix("the page is 1073741824 bytes") ?? false,
                      "\(reading.problems)")
    }
}
