import XCTest
@testable import Book

/// A table cell over several runs leaves undefined values out and says how many it used.
final class MeanTextTests: XCTestCase {
    func testUndefinedValuesAreLeftOutAndCounted() {
        XCTAssertEqual(MeanText.format([1, 3]), "2 ± 1.414")
        XCTAssertEqual(MeanText.format([1, .nan, 3]), "2 ± 1.414 (2 of 3)")
        XCTAssertEqual(MeanText.format([.nan, 4]), "4 (1 of 2)")
        XCTAssertEqual(MeanText.format([.nan, .nan]), "—")
        XCTAssertFalse(MeanText.format([0.1, .nan, 0.2, 0.05, 0.15]).contains("NaN"))
    }
}
