import Foundation
import Notebook
import XCTest

/// The markers that stand for directives while the page renders cannot be written in a page:
/// text that looks like them is ordinary text, and costs linear time.
final class PlaceholderTests: XCTestCase {
    func testPageFullOfThePlaceholderPrefixIsLinearAndIntact() throws {
        // The old marker prefix, lengthened by one x each time: the old scheme grew its marker
        // past every one of them, searching the page again at each step.
        var prose = ""
        var count = 0
        while prose.utf8.count < 60_000 {
            prose += "<!--ganbook-directive-" + String(repeating: "x", count: count) + "0--> ganbook-directive-\(count)\n\n"
            count += 1
        }
        let text = "# Page\n\n" + prose + "```gan\nseed: 1\n```\n\n" + prose + "```gan-table\n```\n\nEnd.\n"
        let started = Date()
        let page = try PageParsing.page(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "60 KB page")
        XCTAssertEqual(page.directives.map(\.kind), ["gan", "gan-table"])
        let prose0 = page.blocks.compactMap { block -> String? in
            if case .prose(let html) = block { return html } else { return nil }
        }
        XCTAssertEqual(prose0.count, 3)
        XCTAssertTrue(prose0[1].hasPrefix("<!--ganbook-directive-0-->"), String(prose0[1].prefix(80)))
        XCTAssertTrue(prose0[2].contains("End."))
        let written = prose0.joined().components(separatedBy: "ganbook-directive-").count - 1
        XCTAssertEqual(written, 4 * count, "every lookalike survives")
    }

    func testLargePageTimeGrowsLinearly() throws {
        func seconds(_ size: Int) throws -> Double {
            let line = "ganbook-directive-xxxxxxxxxxxx <!--ganbook-directive-xxxxxxxxxxxxxxxxxxxxx-->\n\n"
            let text = String(repeating: line, count: size / line.utf8.count) + "```gan\nseed: 1\n```\n"
            let started = Date()
            _ = try PageParsing.page(text)
            return Date().timeIntervalSince(started)
        }
        _ = try seconds(10_000)
        let small = try seconds(50_000), large = try seconds(400_000)
        XCTAssertLessThan(large, max(small, 0.02) * 30, "8× the text may take about 8× the time, not 64×")
    }

    func testFenceInfoStringIsMatchedCaseInsensitively() throws {
        let page = try PageParsing.page("```GAN\nseed: 1\n```\n\n```Gan-Compare\nruns: [a]\n```\n\n```Python\nx = 1\n```\n")
        XCTAssertEqual(page.directives.map(\.kind), ["gan", "gan-compare"])
        XCTAssertEqual(page.blocks.count, 3)
    }
}
