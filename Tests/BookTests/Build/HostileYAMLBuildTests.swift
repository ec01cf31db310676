import Foundation
import XCTest

/// The built executable on hostile YAML in every place it reads YAML: an error with a line and
/// exit status 1, quickly, never a crash (a signal) or a hang.
final class HostileYAMLBuildTests: ExecutableNotebookTestCase {
    static let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    static let laughs = (["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + (1...8).map {
        "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 9).joined(separator: ", ") + "]"
    }).joined(separator: "\n")

    private func assertFailsQuicklyAt(_ place: String, _ arguments: [String], file: StaticString = #filePath,
                                      line: UInt = #line) throws {
        let started = Date()
        let outcome = try ganbook.run(arguments, in: notebook.root)
        XCTAssertEqual(outcome.status, 1, outcome.all, file: file, line: line)
        XCTAssertTrue(outcome.stderr.contains(place), "expected \(place) in: \(outcome.all)", file: file, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, file: file, line: line)
    }

    func testEveryReaderRejectsHostileYAML() throws {
        let build = ["build", "--content", "content", "--site", "site", "--templates", "templates", "--frozen"]
        let pages: [(text: String, place: String)] = [
            ("# A\n\n```gan\ndataset: ring8\nseed: \(Self.deep)\n```\n", "a.md:5:"),
            ("# A\n\n```gan-compare\nmetric: loss_g\nruns: \(Self.deep)\n```\n", "a.md:5:"),
            ("# A\n\n```gan-table\ncolumns:\n" + String(repeating: "- ", count: 100_000) + "x\n```\n", "a.md:5:"),
            ("---\n\(Self.laughs)\n? *a8\n: 1\n---\n# A\n", "a.md:"),
            ("---\ntitle: \(Self.deep)\n---\n# A\n", "a.md:2:"),
        ]
        for page in pages {
            try notebook.write("a.md", page.text)
            try assertFailsQuicklyAt(page.place, build)
        }
        try Data("dataset: ring8\n\(Self.laughs)\nseed: *a8\n".utf8).write(to: notebook.root.appendingPathComponent("bomb.yaml"))
        try assertFailsQuicklyAt("bomb.yaml:", ["train", "bomb.yaml", "--out", "out"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.root.appendingPathComponent("out").path))
    }
}
