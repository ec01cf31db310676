import XCTest
@testable import Book

/// Deeply nested template sections once overflowed the stack (swift-mustache parses and renders
/// recursively): they are refused at their line, in every spelling, before the parser runs.
final class TemplateNestingTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-nesting-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteRendererTests.templatesFolder, to: folder)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func loadError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> BookError? {
        do {
            try Data(text.utf8).write(to: folder.appendingPathComponent("deep.mustache"))
            _ = try TemplateSet.load(from: folder)
            return nil
        } catch {
            return error as? BookError
        }
    }

    func testDeepSectionsAreRefusedAtTheirLineInEverySpelling() {
        for (open, close) in [("{{#a}}", "{{/a}}"), ("{{^a}}", "{{/a}}"), ("{{$a}}", "{{/a}}"), ("{{ #a }}", "{{ /a }}"),
                              ("<%#a%>", "<%/a%>")] {
            let prefix = open.hasPrefix("<%") ? "{{=<% %>=}}\n" : "x\n"
            let text = prefix + String(repeating: open, count: 5_000) + String(repeating: close, count: 5_000) + "\n"
            let error = loadError(text)
            XCTAssertEqual(error?.line, 2, "\(open): \(String(describing: error))")
            XCTAssertEqual(error?.message, "sections nested more than 100 deep", open)
        }
        XCTAssertNil(loadError(String(repeating: "{{#a}}", count: 50) + "{{{b}}}" + String(repeating: "{{/a}}", count: 50)))
    }

    func testHugeTemplateIsRefusedUnread() throws {
        let url = folder.appendingPathComponent("huge.mustache")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
        try FileHandle(forWritingTo: url).truncate(atOffset: 300 << 20)
        XCTAssertTrue(loadError("x")?.message.hasPrefix("the template is 314572800 bytes") ?? false)
    }
}
