import XCTest
@testable import Book

final class ReferenceParserTests: XCTestCase {
    func testEveryFormOfReference() throws {
        let plain = try ReferenceParser.parse("plain.modes_covered", allowFormat: true)
        XCTAssertEqual(plain.run, "plain")
        XCTAssertEqual(plain.key, "modes_covered")
        XCTAssertEqual(plain.window, .final)
        XCTAssertEqual(try ReferenceParser.parse("mnist.d_fake@last", allowFormat: true).window, .last)
        XCTAssertEqual(try ReferenceParser.parse("mnist.d_fake@mean(0.5..1)", allowFormat: true).window, .mean(0.5, 1))
        XCTAssertEqual(try ReferenceParser.parse("mnist.d_fake@min(0..0.1)", allowFormat: true).window, .min(0, 0.1))
        XCTAssertEqual(try ReferenceParser.parse("mnist.d_fake@max(0.9..1)", allowFormat: true).window, .max(0.9, 1))
        XCTAssertEqual(try ReferenceParser.parse("mnist.fcd@epoch(3)", allowFormat: true).window, .epoch(3))
        XCTAssertEqual(try ReferenceParser.parse("mnist.loss_g@iteration(200)", allowFormat: true).window, .iteration(200))
        XCTAssertEqual(try ReferenceParser.parse("plain.wall_seconds:time", allowFormat: true).format, .time)
        XCTAssertEqual(try ReferenceParser.parse("a.d_real:%", allowFormat: true).format, .percent(decimals: nil))
        XCTAssertEqual(try ReferenceParser.parse("a.d_real@last:.2", allowFormat: true).format, .decimals(2))
        let child = try ReferenceParser.parse("mbd[dropout=0.4,seed=2].modes_covered", allowFormat: false)
        XCTAssertEqual(child.run, "mbd[dropout=0.4,seed=2]")
        XCTAssertEqual(child.key, "modes_covered")
        let dotted = try ReferenceParser.parse("v1.2.d_real", allowFormat: false)
        XCTAssertEqual(dotted.run, "v1.2")
        let own = try ReferenceParser.parse("d_real@mean(0.5..1)", allowFormat: false)
        XCTAssertNil(own.run)
    }

    func testFormatsWriteNumbersForPeople() {
        XCTAssertEqual(ValueFormat.automatic.format(5), "5")
        XCTAssertEqual(ValueFormat.automatic.format(0.123456), "0.1235")
        XCTAssertEqual(ValueFormat.percent(decimals: nil).format(0.375), "37.5%")
        XCTAssertEqual(ValueFormat.percent(decimals: 0).format(0.375), "38%")
        XCTAssertEqual(ValueFormat.decimals(2).format(0.3456), "0.35")
        XCTAssertEqual(ValueFormat.time.format(192), "3 min 12 s")
    }

    func testErrorsPointAtTheirCharacter() {
        func failure(_ text: String) -> ClaimSyntaxError? {
            do { _ = try ReferenceParser.parse(text, allowFormat: true); return nil } catch { return error as? ClaimSyntaxError }
        }
        XCTAssertEqual(failure("mnist.d_fake@mean(1..0.5)")?.offset, 18)
        XCTAssertEqual(failure("mnist.d_fake@median(0..1)")?.message, "unknown window @median")
        XCTAssertEqual(failure("mnist.d_fake@median(0..1)")?.offset, 13)
        XCTAssertEqual(failure("mnist.d_fake:pct")?.message, "unknown format :pct")
        XCTAssertEqual(failure("mnist.d_fake:pct")?.offset, 12)
        XCTAssertEqual(failure("mnist.")?.message, "a value reference needs a key (mnist.)")
        XCTAssertTrue(failure("mnist.d_fake@mean(0.5)")?.message.contains("takes a range") ?? false)
    }
}
