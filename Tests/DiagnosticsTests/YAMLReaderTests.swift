import Diagnostics
import Foundation
import XCTest
import Yams

/// The reader bounds nesting before Yams builds a tree, and alias expansion before anything
/// formats a node: hostile texts fail quickly with a line, never crash or hang.
final class YAMLReaderTests: XCTestCase {
    private let reader = YAMLReader(file: "page.md", firstLine: 10)

    /// The text's problems; fails the test when it reads without error or takes over 2 s.
    private func problems(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        let started = Date()
        defer {
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "too slow", file: file, line: line)
        }
        do {
            _ = try reader.read(text)
            XCTFail("read without error", file: file, line: line)
        } catch let error as DiagnosticError {
            return error.problems
        } catch {
            XCTFail("not a DiagnosticError: \(error)", file: file, line: line)
        }
        return []
    }

    func testDeepBlockMappingsFailAtTheLineThatGoesTooDeep() {
        let found = problems(YAMLSamples.blockMappings(5_000))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 10 + YAMLLimits.standard.blockColumns)
        XCTAssertEqual(found.first?.yamlProblem, .tooLarge)
        XCTAssertTrue(found.first?.message.contains("nested too deeply") ?? false, "\(found)")
    }

    func testDeepCompactBlockSequencesFail() {
        for levels in [5_000, 100_000] {
            let found = problems(YAMLSamples.compactSequences(levels))
            XCTAssertEqual(found.first?.line, 10)
            XCTAssertEqual(found.first?.yamlProblem, .tooLarge)
        }
    }

    func testDeepFlowCollectionsFail() {
        for levels in [5_000, 100_000] {
            for text in [YAMLSamples.flowSequences(levels), YAMLSamples.flowMappings(levels)] {
                let found = problems("seed: 1\n" + text)
                XCTAssertEqual(found.first?.line, 11)
                XCTAssertEqual(found.first?.yamlProblem, .tooLarge)
            }
        }
    }

    func testNestingBehindEveryKindOfLineBreakIsCounted() {
        for lineBreak in ["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"] {
            let text = (0..<200).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: lineBreak) + " 1"
            XCTAssertEqual(problems(text).first?.yamlProblem, .tooLarge, "break \(lineBreak.unicodeScalars.first!.value)")
        }
    }

    func testQuotesAndCommentsCannotHideBrackets() {
        let hidden = "a: \"]]]]\" # ]]]]\nb: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        XCTAssertEqual(problems(hidden).first?.yamlProblem, .tooLarge)
    }

    func testBillionLaughsInAValueStops() {
        let found = problems(YAMLSamples.laughs())
        XCTAssertEqual(found.first?.yamlProblem, .tooLarge)
        XCTAssertNotNil(found.first?.line)
        XCTAssertTrue(found.first?.message.contains("aliases") ?? false, "\(found)")
    }

    func testBillionLaughsInAKeyStops() {
        let found = problems(YAMLSamples.laughsInKey())
        XCTAssertEqual(found.first?.yamlProblem, .tooLarge)
        XCTAssertNotNil(found.first?.line)
    }

    func testFewAliasesAreFine() throws {
        let node = try reader.read("base: &opt {name: adam, lr: 0.001}\nother: *opt\n")
        XCTAssertEqual(node?.mapping?["other"]?.mapping?["lr"]?.string, "0.001")
    }

    func testEveryDuplicateKeyIsReportedWithItsPath() {
        let found = problems("seed: 1\noptimizer:\n  lr: 1\n  lr: 2\nseed: 3\n")
        XCTAssertEqual(found.map(\.line), [13, 14])
        XCTAssertEqual(found.map(\.key), ["optimizer.lr", "seed"])
        XCTAssertEqual(found.first?.description, "page.md:13:3: optimizer.lr: key written twice (first on line 12); keep one")
    }

    func testSyntaxErrorIsOneLineAtItsPlace() {
        let found = problems("epochs: 20\nbatch_size: [64\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 12)
        XCTAssertEqual(found.first?.yamlProblem, .syntax)
        XCTAssertFalse(found.first?.description.contains("\n") ?? true, "\(found)")
    }

    /// The deepest text the scan lets through still composes on a thread with a small stack.
    func testDeepestAllowedTextIsSafeOnASmallStack() {
        let limits = YAMLLimits.standard
        let text = String(repeating: "- ", count: limits.blockColumns - 1)
            + String(repeating: "[", count: limits.flowBrackets) + String(repeating: "]", count: limits.flowBrackets)
        let done = expectation(description: "read")
        let found = LockedBox()
        let thread = Thread {
            do {
                _ = try YAMLReader(file: "p.md").read(text)
            } catch {
                found.set((error as? DiagnosticError)?.problems.first?.yamlProblem)
            }
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(found.get(), .tooLarge, "too deep once expanded, and no crash")
    }

    func testReasonableDocumentsRead() throws {
        let text = """
            # a comment with [brackets] and {braces}
            dataset: ring8
            generator:
              hidden: [64, 64]
            optimizer: {name: adam, lr: 0.001, beta1: 0.5}
            caption: |
              A literal block, indented:
                  - with a list-like line
                  - and another
            sweep:
              - {lr: 0.1}
              - {lr: 0.2}
            """
        XCTAssertNotNil(try reader.read(text))
        XCTAssertNil(try reader.read("# only a comment\n"))
        XCTAssertNil(try reader.read(""))
    }
}

/// A value handed from another thread.
private final class LockedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: YAMLProblem?

    func set(_ newValue: YAMLProblem?) { lock.withLock { value = newValue } }
    func get() -> YAMLProblem? { lock.withLock { value } }

    /// A long plain list is too many values, not an alias bomb: the message says which.
    func testManyPlainValuesAreNotCalledAnAliasExpansion() {
        let list = "hidden: [" + Array(repeating: "1", count: 20_000).joined(separator: ", ") + "]\n"
        XCTAssertThrowsError(try YAMLReader(file: "c.yaml").read(list)) { error in
            let problem = (error as? DiagnosticError)?.problems.first
            XCTAssertEqual(problem?.message, "YAML holds more than 10000 values")
            XCTAssertEqual(problem?.hint, "a configuration needs a few dozen")
        }
        XCTAssertThrowsError(try YAMLReader(file: "c.yaml").read(YAMLSamples.laughs())) { error in
            XCTAssertEqual((error as? DiagnosticError)?.problems.first?.message,
                           "YAML expands to more than 10000 values (through aliases *name)")
        }
    }
}
