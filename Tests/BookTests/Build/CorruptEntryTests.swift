import XCTest
@testable import Book

/// A damaged cache entry is never silently rendered or retrained: the build names the file and
/// says to delete the folder, and `ganbook runs` marks the entry DAMAGED.
final class CorruptEntryTests: XCTestCase {
    var notebook: NotebookFixture!
    var entry: URL!
    var pristine: [String: Data] = [:]

    override func setUpWithError() throws {
        notebook = try NotebookFixture()
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        try notebook.build()
        entry = notebook.runs.appendingPathComponent(try XCTUnwrap(notebook.entryHashes.first))
        pristine = try notebook.files(under: entry)
    }

    override func tearDown() { notebook.cleanUp() }

    /// Damages one file, checks the build and `runs`, then restores the entry.
    func assertDamageReported(_ name: String, damage: (URL) throws -> Void, inBuild: Bool = true,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let url = entry.appendingPathComponent(name)
        try damage(url)
        if inBuild {
            let message = notebook.buildError(file: file, line: line)
            XCTAssertTrue(message.contains(url.path), "\(name): should name the file: \(message)", file: file, line: line)
            XCTAssertTrue(message.contains("delete"), "\(name): should say to delete the folder: \(message)", file: file, line: line)
            XCTAssertFalse(notebook.output.contains("training"), file: file, line: line)
        }
        var report = ""
        XCTAssertThrowsError(try RunsReport(options: RunsOptions(content: notebook.content.path, site: notebook.site.path,
                                                                 prune: false),
                                            console: .capturing { report += $0 }).run(), file: file, line: line)
        XCTAssertTrue(report.contains("DAMAGED"), "\(name): \(report)", file: file, line: line)
        XCTAssertTrue(report.contains(name), "\(name): the report names the file: \(report)", file: file, line: line)

        try? FileManager.default.removeItem(at: url)
        for (path, data) in pristine { try data.write(to: entry.appendingPathComponent(path)) }
        try notebook.build()
    }

    func truncate(_ url: URL) throws {
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2 + 3).write(to: url)
    }

    func testTruncatedMetricsIsReported() throws {
        try assertDamageReported("metrics.csv", damage: truncate)
    }

    func testEmptyMetricsIsReported() throws {
        try assertDamageReported("metrics.csv") { try Data().write(to: $0) }
    }

    func testTruncatedConfigIsReported() throws {
        try assertDamageReported("config.json", damage: truncate)
    }

    func testMissingFinalGridIsReported() throws {
        try assertDamageReported("samples/final.png") { try FileManager.default.removeItem(at: $0) }
    }

    func testTruncatedFinalGridIsReportedByRuns() throws {
        // The build only links the PNG; `ganbook runs` decodes it.
        try assertDamageReported("samples/final.png", damage: truncate, inBuild: false)
    }

    func testIntactEntryIsOK() throws {
        var report = ""
        try RunsReport(options: RunsOptions(content: notebook.content.path, site: notebook.site.path, prune: false),
                       console: .capturing { report += $0 }).run()
        XCTAssertTrue(report.contains(" ok "), report)
        XCTAssertTrue(report.contains("page/a"), report)
    }
}
