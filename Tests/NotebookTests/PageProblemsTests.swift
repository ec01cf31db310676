import Foundation
import Notebook
import XCTest

/// Every problem of a page, and of every page of a notebook, comes out in one pass.
final class PageProblemsTests: XCTestCase {
    func testEveryFrontMatterProblemIsReported() {
        let error = PageParsing.error("---\ntitel: A\norder: first\nauthor: me\n---\n# A\n")
        XCTAssertEqual(error?.all.map(\.line), [2, 3, 4], "\(String(describing: error))")
        XCTAssertTrue(error?.all.first?.message.contains("did you mean title?") ?? false)
        XCTAssertEqual(error?.description.components(separatedBy: "\n").count, 3)
    }

    func testAPageWithBadFrontMatterStillYieldsItsDirectives() throws {
        let reading = try Notebook.readPage(path: "p.md", text: "---\ntitel: A\n---\n```gan\nseed: 1\n```\n",
                                            directiveKinds: ["gan"])
        XCTAssertEqual(reading.problems.map(\.line), [2])
        XCTAssertEqual(reading.page.directives.map(\.line), [5])
    }

    func testLoadingReportsTheProblemsOfEveryPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\ntitel: A\n---\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "# B\n\n```gan\nseed: 1\n".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        try "---\norder: x\n---\n".write(to: folder.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Notebook.loadPages(in: folder, directiveKinds: ["gan"])) { error in
            let problems = (error as? NotebookError)?.all ?? []
            XCTAssertEqual(problems.map { ($0.file as NSString).lastPathComponent }, ["a.md", "b.md", "c.md"], "\(error)")
        }
        let reading = try Notebook.readPages(in: folder, directiveKinds: ["gan"])
        XCTAssertEqual(reading.pages.map(\.slug), ["a", "c"], "b's body cannot be read; a and c still can")
        XCTAssertEqual(reading.problems.count, 3)
    }
}
