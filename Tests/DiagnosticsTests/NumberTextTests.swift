import Diagnostics
import XCTest

/// The number formatter is total: every Double formats, none traps.
final class NumberTextTests: XCTestCase {
    func testSignificantDigits() {
        XCTAssertEqual(NumberText.significant(0.123456), "0.1235")
        XCTAssertEqual(NumberText.significant(nil), "—")
        XCTAssertEqual(NumberText.significant(.nan), "NaN")
        XCTAssertEqual(NumberText.significant(.infinity), "∞")
        XCTAssertEqual(NumberText.significant(-.infinity), "−∞")
        XCTAssertEqual(NumberText.significant(-0.0), "0")
        XCTAssertEqual(NumberText.significant(1e300), "1e+300")
        XCTAssertEqual(NumberText.significant(-1e-300), "-1e-300")
    }

    func testPlain() {
        XCTAssertEqual(NumberText.plain(1234), "1234")
        XCTAssertEqual(NumberText.plain(-0.0), "0")
        XCTAssertEqual(NumberText.plain(0.25), "0.25")
        XCTAssertEqual(NumberText.plain(1e300), "1e+300")
        XCTAssertEqual(NumberText.plain(1e15), "1e+15")
        XCTAssertEqual(NumberText.plain(999_999_999_999_999), "999999999999999")
        XCTAssertEqual(NumberText.plain(-1e308), "-1e+308")
        XCTAssertEqual(NumberText.plain(.nan), "NaN")
        XCTAssertEqual(NumberText.plain(-.infinity), "−∞")
        XCTAssertEqual(NumberText.plain(-1e-320), "-9.99989e-321")
    }

    func testEveryKindOfDoubleFormats() {
        let values: [Double] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
                                .leastNormalMagnitude, 9.2233720368547758e18, -9.2233720368547758e18, .ulpOfOne]
        for value in values {
            XCTAssertFalse(NumberText.plain(value).isEmpty)
            XCTAssertFalse(NumberText.significant(value).isEmpty)
        }
    }
}
