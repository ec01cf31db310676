import Foundation
import XCTest
@testable import Book

/// gan-compare and gan-table read YAML like the gan directive: through the bounded reader, keys
/// written twice rejected, one line per problem at page:line, every problem at once.
final class DisplayDirectiveTests: XCTestCase {
    private func problems(_ yaml: String, kind: DisplayDirective.Kind = .compare) -> [BookError] {
        do {
            _ = try DisplayDirective.decode(kind: kind, yaml: yaml, file: "p.md", firstLine: 20)
            XCTFail("decoded without error")
        } catch let error as BookError {
            return error.all
        } catch {
            XCTFail("not a BookError: \(error)")
        }
        return []
    }

    func testDuplicateKeysAreRejected() {
        for kind in [DisplayDirective.Kind.compare, .table] {
            let found = problems("runs: [a]\nmetric: loss_g\ntitle: One\ntitle: Two\n", kind: kind)
            XCTAssertEqual(found.first?.line, 23)
            XCTAssertEqual(found.first?.description,
                           "p.md:23:1: title: \(kind == .compare ? "gan-compare" : "gan-table"): key written twice (first on line 22); keep one")
        }
    }

    func testYAMLErrorIsOneLineAtThePageLine() {
        let found = problems("runs: [a, b\nmetric: loss_g\n")
        XCTAssertEqual(found.count, 1)
        let text = found.first?.description ?? ""
        XCTAssertTrue(text.hasPrefix("p.md:21:"), text)
        XCTAssertTrue(text.contains("gan-compare: invalid YAML"), text)
        XCTAssertFalse(text.contains("\n"), text)
    }

    func testEveryProblemIsReported() {
        let found = problems("runs: 3: 4\n", kind: .table)
        XCTAssertEqual(found.count, 1)
        let several = problems("runs: {a: 1}\nsmooth: 2\nmetrics: loss_g\n")
        XCTAssertEqual(several.map(\.line), [20, 21, 22, 20], "\(several)")
        XCTAssertTrue(several[2].hint.contains("did you mean metric?"), "\(several[2])")
        XCTAssertTrue(several[3].message.contains("metric is missing"), "\(several[3])")
    }

    func testHostileYAMLFailsQuicklyWithALine() {
        let levels = 100_000
        let texts = [
            "runs: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels),
            "title:\n" + String(repeating: "- ", count: levels) + "x",
            (0..<5_000).map { String(repeating: " ", count: $0) + "runs:" }.joined(separator: "\n") + " a",
            (["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + (1...8).map {
                "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 9).joined(separator: ", ") + "]"
            } + ["? *a8", ": 1"]).joined(separator: "\n"),
        ]
        for (index, text) in texts.enumerated() {
            let started = Date()
            let found = problems(text, kind: .table)
            XCTAssertNotNil(found.first?.line, "case \(index)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "case \(index)")
        }
    }
}
