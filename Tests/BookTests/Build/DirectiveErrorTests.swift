import XCTest
@testable import Book

/// Bad directives stop the build before anything trains or is written, and say where and what.
final class DirectiveErrorTests: NotebookTestCase {
    /// `text` with lines numbered from 1: the line holding `marker`.
    func line(of marker: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(marker) }) else {
            XCTFail("\(marker) not in the page")
            return 0
        }
        return index + 1
    }

    /// One directive per way of getting it wrong, and a valid new run that must not train.
    static let badPage = SmallRun.page(
        title: "Mistakes",
        SmallRun.directive(id: "fine", seed: 9),
        SmallRun.directive(id: "typo", extra: ["optimizer: {lr: 0.001, beta: 0.5}"]),
        SmallRun.directive(id: "text").replacingOccurrences(of: "batch_size: 32", with: "batch_size: many"),
        SmallRun.directive(id: "range", extra: ["label_flip: 1.5"]),
        "```gan\nid: broken\ndataset: ring8\noptimizer: {lr: 0.001\nseed: 4\n```\n")

    func assertReports(_ message: String, page: String, marker: String, key: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        let expected = "\(notebook.content.appendingPathComponent("mistakes.md").path):\(self.line(of: marker, in: page)):"
        let reported = message.components(separatedBy: "\n").first { $0.contains(expected) }
        XCTAssertNotNil(reported, "expected \(expected) in:\n\(message)", file: file, line: line)
        XCTAssertTrue(reported?.contains(key) ?? false, "expected the key \(key) in: \(reported ?? message)", file: file, line: line)
    }

    func testEveryBadDirectiveIsReportedWithPageLineAndKey() throws {
        let page = Self.badPage
        try notebook.write("mistakes.md", page)
        let message = notebook.buildError()

        assertReports(message, page: page, marker: "beta: 0.5", key: "beta")
        XCTAssertTrue(message.contains("did you mean beta1"), message)
        assertReports(message, page: page, marker: "batch_size: many", key: "batch_size")
        assertReports(message, page: page, marker: "label_flip: 1.5", key: "label_flip")
        // The unclosed flow mapping is only noticed on a later line; it must still point into this directive.
        let broken = message.components(separatedBy: "\n").first { $0.contains("mistakes.md:") && $0.contains("invalid YAML") }
        XCTAssertNotNil(broken, message)
        if let broken {
            let number = Int(String(broken.components(separatedBy: "mistakes.md:")[1].prefix { $0.isNumber })) ?? 0
            let start = line(of: "id: broken", in: page)
            XCTAssertTrue((start...(start + 3)).contains(number), "\(broken) should point at lines \(start)-\(start + 3)")
        }
        XCTAssertTrue(message.contains("problems"), "several problems come in one error: \(message)")

        XCTAssertFalse(notebook.output.contains("training"), "nothing trains: \(notebook.output)")
        XCTAssertEqual(notebook.runFolderNames, [], "no cache entry, no partial folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("mistakes.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.site.appendingPathComponent("index.html").path))
    }

    func testEachKindOfMistakeAloneNamesItsKey() throws {
        let cases: [(extra: String, key: String)] = [
            ("iteratons: 30", "iteratons"),
            ("batch_size: [32]", "batch_size"),
            ("z_dim: 0", "z_dim"),
            ("optimizer: {lr: -1}", "optimizer.lr"),
        ]
        for item in cases {
            let page = SmallRun.page(title: "Mistakes", SmallRun.directive(id: "one", extra: [item.extra]))
            try notebook.write("mistakes.md", page)
            let message = notebook.buildError()
            // path:line:column: — the column follows the line.
            XCTAssertTrue(message.hasPrefix("\(notebook.content.appendingPathComponent("mistakes.md").path):\(line(of: item.extra, in: page)):"),
                          "\(item.extra): \(message)")
            XCTAssertTrue(message.contains(item.key), "\(item.extra): \(message)")
        }
        XCTAssertEqual(notebook.runFolderNames, [])
    }

    func testABadDirectiveLeavesAnExistingSiteUntouched() throws {
        try notebook.write("mistakes.md", SmallRun.page(title: "Mistakes", SmallRun.directive(id: "good")))
        try notebook.build()
        let before = try notebook.files()
        let dates = try notebook.modificationDates(under: notebook.site)

        try notebook.write("mistakes.md", SmallRun.page(title: "Mistakes", prose: "Edited prose.",
                                                        SmallRun.directive(id: "good"),
                                                        SmallRun.directive(id: "new", seed: 5),
                                                        SmallRun.directive(id: "bad", extra: ["lossy: minimax"])))
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("lossy"), message)
        XCTAssertTrue(message.contains("did you mean loss"), message)

        XCTAssertEqual(try notebook.files(), before, "no page rewritten, no entry added or changed")
        XCTAssertEqual(try notebook.modificationDates(under: notebook.site), dates)
    }
}
