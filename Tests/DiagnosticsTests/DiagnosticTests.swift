import Diagnostics
import XCTest

final class DiagnosticTests: XCTestCase {
    func testFormatLeavesOutUnknownParts() {
        XCTAssertEqual(Diagnostic(file: "p.md", line: 3, column: 5, key: "optimizer.lr", message: "bad",
                                  hint: "fix it").description, "p.md:3:5: optimizer.lr: bad; fix it")
        XCTAssertEqual(Diagnostic(file: "p.md", line: 3, message: "bad").description, "p.md:3: bad")
        XCTAssertEqual(Diagnostic(file: "p.md", message: "bad", hint: "").description, "p.md: bad")
        XCTAssertEqual(Diagnostic(file: "", line: 3, message: "bad", hint: "fix").description, "bad; fix")
    }

    /// Keys and values quoted from a page can hold line breaks: a placed problem is still one line.
    func testPlacedProblemIsOneLine() {
        let problem = Diagnostic(file: "p.md", line: 2, key: "a\nb", message: "unknown value 'x\r\ny\u{85}z\u{1B}'",
                                 hint: "did you mean\u{2028}c?")
        XCTAssertEqual(problem.description, #"p.md:2: a\nb: unknown value 'x\r\ny\u{85}z\u{1b}'; did you mean\u{2028}c?"#)
        let long = Diagnostic(file: "p.md", line: 1, key: String(repeating: "k", count: 100_000), message: "unknown key")
        XCTAssertEqual(long.description, "p.md:1: " + String(repeating: "k", count: 200) + "…: unknown key")
        XCTAssertEqual(Diagnostic(file: "", message: "2 problems:\n  p.md:1: a\n  p.md:2: b").description,
                       "2 problems:\n  p.md:1: a\n  p.md:2: b")
    }
}
