import Foundation
import XCTest
@testable import GAN

/// Hostile configurations (deep nesting in block and flow style, alias bombs) fail quickly with
/// a line, through the directive decoder and through `ganbook train`'s file loader alike.
final class ConfigBoundsTests: XCTestCase {
    static func hostileTexts() -> [(name: String, yaml: String)] {
        var texts: [(String, String)] = []
        for levels in [5_000, 100_000] {
            texts.append(("flow lists \(levels)", "dataset: ring8\ngenerator: {hidden: " + String(repeating: "[", count: levels)
                          + String(repeating: "]", count: levels) + "}\n"))
            texts.append(("flow mappings \(levels)", "dataset: ring8\noptimizer: " + String(repeating: "{a: ", count: levels)
                          + "1" + String(repeating: "}", count: levels) + "\n"))
            texts.append(("compact block lists \(levels)", "dataset: ring8\nseed:\n" + String(repeating: "- ", count: levels) + "1\n"))
        }
        texts.append(("block mappings 5000", "dataset: ring8\n"
                      + (0..<5_000).map { String(repeating: " ", count: $0) + "generator:" }.joined(separator: "\n") + " 1\n"))
        var laughs = ["dataset: ring8", "caption: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            laughs.append("x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        texts.append(("billion laughs in a value", laughs.joined(separator: "\n") + "\nseed: *a8\n"))
        texts.append(("billion laughs in a key", laughs.joined(separator: "\n") + "\n? *a8\n: 1\n"))
        return texts
    }

    private func assertQuickErrorWithALine(_ body: () throws -> RunConfig, _ name: String) {
        let started = Date()
        XCTAssertThrowsError(try body(), name) { error in
            guard let error = error as? GANError else { return XCTFail("\(name): not a GANError: \(error)") }
            XCTAssertNotNil(error.line, "\(name): \(error)")
            XCTAssertFalse(error.description.contains("lol, lol"), "\(name): a bounded message: \(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, name)
    }

    func testDirectiveDecoderRejectsHostileYAML() {
        for (name, yaml) in Self.hostileTexts() {
            assertQuickErrorWithALine({ try RunConfig.decode(yaml: yaml, file: "page.md", firstLine: 5) }, name)
        }
    }

    func testConfigFileLoaderRejectsHostileYAML() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, (name, yaml)) in Self.hostileTexts().enumerated() {
            let file = folder.appendingPathComponent("config\(index).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            guard yaml.utf8.count <= RunConfig.maximumFileBytes else {
                // Refused for its size before it is read: an error about the whole file, so no line.
                XCTAssertThrowsError(try RunConfig.load(file: file.path), name) { error in
                    XCTAssertEqual((error as? GANError)?.kind, .unreadable, "\(name): \(error)")
                }
                continue
            }
            assertQuickErrorWithALine({ try RunConfig.load(file: file.path) }, name)
        }
    }

    func testEmptyConfigFileIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-empty-\(UUID().uuidString).yaml")
        try "# nothing yet\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try RunConfig.load(file: file.path)) { error in
            XCTAssertEqual((error as? GANError)?.message, "empty configuration: write at least dataset")
            XCTAssertEqual((error as? GANError)?.line, 1)
        }
    }

    func testEmptyTextIsAnErrorWhenAskedFor() {
        for yaml in ["", "# a comment\n", "~\n"] {
            XCTAssertThrowsError(try RunConfig.decode(yaml: yaml, file: "p.md", firstLine: 7, emptyMessage: "empty")) { error in
                XCTAssertEqual((error as? GANError)?.description,
                               "p.md:7: empty; e.g. dataset: ring8 (mnist, fashion-mnist, ring8 or grid25)")
            }
        }
    }
}
