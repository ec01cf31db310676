import XCTest
@testable import Book

/// Partials are checked when templates load: a cycle would recurse until the stack overflows,
/// and an unknown partial would render as nothing.
final class TemplateIncludesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteRendererTests.templatesFolder, to: folder)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
    }

    private func loadError(file: StaticString = #filePath, line: UInt = #line) -> BookError? {
        do {
            _ = try TemplateSet.load(from: folder)
            XCTFail("templates loaded", file: file, line: line)
            return nil
        } catch {
            return error as? BookError
        }
    }

    func testShippedTemplatesIncludeTheirPartials() throws {
        let page = try String(contentsOf: folder.appendingPathComponent("page.mustache"), encoding: .utf8)
        XCTAssertEqual(try TemplatePartials.references(inText: page).map(\.name), ["experiment", "compare", "table", "sweep", "claims"])
        XCTAssertNoThrow(try TemplateSet.load(from: folder))
    }

    func testTemplateIncludingItselfIsAnErrorNamingIt() throws {
        try write("table", "<table>\n{{#rows}}\n{{>table}}\n{{/rows}}\n</table>\n")
        let error = loadError()
        XCTAssertEqual(error?.file, folder.appendingPathComponent("table.mustache").path)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.message, "template table includes itself")
    }

    func testCycleThroughOtherTemplatesIsAnError() throws {
        try write("compare", "{{#x}}{{>parts/a}}{{/x}}")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("parts"), withIntermediateDirectories: true)
        try write("parts/a", "a {{> parts/b }}")
        try write("parts/b", "b {{<compare}}{{/compare}}")
        let message = loadError()?.message ?? ""
        XCTAssertTrue(message.contains("compare → parts/a → parts/b → compare"), message)
    }

    func testUnknownPartialIsAnErrorWithASuggestion() throws {
        try write("page", "<main>\n{{#blocks}}{{>experimnt}}{{/blocks}}\n</main>\n")
        let error = loadError()
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.message, "unknown partial {{>experimnt}}")
        XCTAssertTrue(error?.hint.hasPrefix("did you mean experiment?") ?? false, error?.hint ?? "")
    }

    func testFIFOAmongTheTemplatesIsAnErrorNotAHang() throws {
        let fifo = folder.appendingPathComponent("extra.css")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let error = loadError()
        XCTAssertEqual(error?.file, fifo.path)
        XCTAssertEqual(error?.message, "not a regular file")
    }

    func testDynamicPartialIsRefused() throws {
        try write("index", "{{>*which}}")
        XCTAssertTrue(loadError()?.message.contains("dynamic partial") ?? false)
    }
}
