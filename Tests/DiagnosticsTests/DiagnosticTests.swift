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
}
