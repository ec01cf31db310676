import XCTest
@testable import Book

final class ClaimParserTests: XCTestCase {
    func testClaimsAcrossRuns() throws {
        let claim = try ClaimParser.claim("plain.modes_covered < pack4.modes_covered")
        XCTAssertEqual(ClaimPlanner.text(claim), "plain.modes_covered < pack4.modes_covered")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.claim("mean(mbd.modes_covered) >= 7.5")), "mean(mbd.modes_covered) >= 7.5")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.claim("mnist.fcd < 0.5 * mnist_epoch1.fcd")),
                       "mnist.fcd < (0.5 * mnist_epoch1.fcd)")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.claim("a.d_real@mean(0.5..1) − b.d_real ≤ 2 × (1 + 1e-3) ÷ 4")),
                       "(a.d_real@mean(0.5..1) - b.d_real) <= ((2 * (1 + 0.001)) / 4)")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.claim("std(mbd.modes_covered) == 0")), "std(mbd.modes_covered) == 0")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.claim("-a.loss_g > -2")), "-a.loss_g > -2")
    }

    func testConditionsOfAnExpectation() throws {
        let subject = ClaimExpression.value(try ReferenceParser.parse("modes_covered", allowFormat: false))
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.condition(">= 7", subject: subject)), "modes_covered >= 7")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.condition("0.4..0.8", subject: subject)), "modes_covered in 0.4..0.8")
        XCTAssertEqual(ClaimPlanner.text(try ClaimParser.condition("< 2 * d_real@last", subject: subject)),
                       "modes_covered < (2 * d_real@last)")
    }

    func testMalformedClaimsPointAtTheColumn() {
        func failure(_ text: String) -> ClaimSyntaxError? {
            do { _ = try ClaimParser.claim(text); return nil } catch { return error as? ClaimSyntaxError }
        }
        XCTAssertEqual(failure("a.x < ")?.offset, 6)
        XCTAssertEqual(failure("a.x < ")?.message, "expected a value or a number at the end")
        XCTAssertEqual(failure("a.x b.y")?.offset, 4)
        XCTAssertEqual(failure("a.x")?.message, "the claim has no comparison")
        XCTAssertEqual(failure("a.x < 3 $")?.offset, 8)
        XCTAssertEqual(failure("(a.x + 1 < 3")?.offset, 9)
        XCTAssertEqual(failure("a.x < 3 < 4")?.message, "unexpected text after the claim")
        let subject = ClaimExpression.number(1)
        XCTAssertThrowsError(try ClaimParser.condition("about 7", subject: subject))
        XCTAssertThrowsError(try ClaimParser.condition("0.4..", subject: subject))
    }
}
