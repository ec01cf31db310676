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

    func testTruncatedFinalGridIsReported() throws {
        // The build checks the PNG's header and end; `ganbook runs` decodes it.
        try assertDamageReported("samples/final.png", damage: truncate)
    }

    func replace(_ old: String, with new: String) -> (URL) throws -> Void {
        { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(old), "\(url.lastPathComponent) has no \(old)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
    }

    /// A PNG whose header declares `side` × `side` pixels and that ends properly.
    static func pngDeclaring(side: UInt32) -> Data {
        var bytes: [UInt8] = PNGHeader.signature + [0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [side, side] { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        bytes += [8, 2, 0, 0, 0, 0, 0, 0, 0] + PNGHeader.end
        return Data(bytes)
    }

    // Item 8: numbers read from disk must be plausible; image sizes are checked before decoding.
    func testImplausibleWallSecondsIsReported() throws {
        try assertDamageReported("run.json", damage: replace("\"wall_seconds\": ", with: "\"wall_seconds\": 1e300, \"x\": "))
    }

    func testImplausibleThreadsIsReported() throws {
        try assertDamageReported("run.json", damage: replace("\"threads\": 1", with: "\"threads\": 1e300"))
    }

    func testImageDeclaringAHugeSizeIsReportedWithoutDecoding() throws {
        try assertDamageReported("samples/final.png") { try Self.pngDeclaring(side: 1_000_000).write(to: $0) }
    }

    // Item 11: every build verifies what it renders.
    func testConfigThatNoLongerHashesToItsFolderIsReported() throws {
        try assertDamageReported("config.json", damage: replace("\"seed\": 1", with: "\"seed\": 7"))
    }

    func testMetricsCutInsideItsHeaderIsReported() throws {
        try assertDamageReported("metrics.csv") { try Data("iteration,epoch,loss".utf8).write(to: $0) }
    }

    func testMetricsWithHeaderOnlyIsReported() throws {
        try assertDamageReported("metrics.csv") { url in
            let header = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")[0]
            try Data((header + "\n").utf8).write(to: url)
        }
    }

    func testGarbageStepImageIsReported() throws {
        let step = try XCTUnwrap(pristine.keys.first { $0.hasPrefix("samples/step-") })
        try assertDamageReported(step) { try Data("garbage".utf8).write(to: $0) }
    }

    func testGarbageEvolutionImageIsReported() throws {
        try assertDamageReported("samples/evolution.png") { try Data(repeating: 0x89, count: 100).write(to: $0) }
    }

    /// Every file training writes must be there, not only the ones the page cannot do without:
    /// an entry missing one would be published with a part of its run silently left out.
    func testMissingEvolutionStripIsReported() throws {
        try assertDamageReported("samples/evolution.png") { try FileManager.default.removeItem(at: $0) }
    }

    func testMissingStepImageIsReported() throws {
        let step = try XCTUnwrap(pristine.keys.first { $0.hasPrefix("samples/step-") })
        try assertDamageReported(step) { try FileManager.default.removeItem(at: $0) }
    }

    func testMissingPointsOfA2DRunIsReported() throws {
        try assertDamageReported("samples/points.csv") { try FileManager.default.removeItem(at: $0) }
    }

    func testMetricsLackingAColumnIsReported() throws {
        try assertDamageReported("metrics.csv") { url in
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            let cut = lines.map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
            try Data((cut.joined(separator: "\n") + "\n").utf8).write(to: url)
        }
    }

    func testMetricsCutAtTheEndOfARowIsReported() throws {
        try assertDamageReported("metrics.csv") { url in
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            try Data((lines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: url)
        }
    }

    func testEvaluationWithoutItsNumbersIsReported() throws {
        try assertDamageReported("eval.json") { try Data("{}".utf8).write(to: $0) }
    }

    func testFrozenBuildReportsDamageToo() throws {
        try replace("\"seed\": 1", with: "\"seed\": 7")(entry.appendingPathComponent("config.json"))
        let message = notebook.buildError(frozen: true)
        XCTAssertTrue(message.contains("config.json") && message.contains("rm -r \(entry.path)"), message)
        for (path, data) in pristine { try data.write(to: entry.appendingPathComponent(path)) }
    }

    // Item 12: an entry that lost a file is damaged, never retrained over.
    func testEntryWithoutRunJSONIsDamagedNotRetrained() throws {
        try assertDamageReported("run.json") { try FileManager.default.removeItem(at: $0) }
    }

    // Item 15: an entry's file may not be a link (it could publish any file).
    func testLinkInsideAnEntryIsReported() throws {
        let outside = notebook.root.appendingPathComponent("secret.csv")
        try pristine["metrics.csv"]!.write(to: outside)
        try assertDamageReported("metrics.csv") { url in
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)
        }
    }

    func testIntactEntryIsOK() throws {
        var report = ""
        try RunsReport(options: RunsOptions(content: notebook.content.path, site: notebook.site.path, prune: false),
                       console: .capturing { report += $0 }).run()
        XCTAssertTrue(report.contains(" ok "), report)
        XCTAssertTrue(report.contains("page/a"), report)
    }
}
