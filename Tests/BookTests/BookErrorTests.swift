import XCTest
@testable import Book

final class BookErrorTests: XCTestCase {
    func testDescriptionIsPathLineMessageHint() {
        XCTAssertEqual(BookError(file: "content/a.md", line: 12, message: "bad", hint: "fix it").description,
                       "content/a.md:12: bad; fix it")
        XCTAssertEqual(BookError(file: "t/page.mustache", message: "template missing").description,
                       "t/page.mustache: template missing")
    }

    func testClosestNameSuggestsNearTyposOnly() {
        XCTAssertEqual(ClosestName.suggestion(for: "loss_gg", among: ["loss_g", "d_real"]), "loss_g")
        XCTAssertNil(ClosestName.suggestion(for: "throughput", among: ["loss_g", "d_real"]))
    }
}
