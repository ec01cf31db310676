import XCTest
@testable import Book

/// The progress line of a diverging run shows its losses as words and short numbers.
final class TrainingReporterTests: XCTestCase {
    func testLossesOfADivergingRunPrintShort() {
        XCTAssertEqual(TrainingReporter.loss(0.6931), "0.693")
        XCTAssertEqual(TrainingReporter.loss(-Float.nan), "NaN")
        XCTAssertEqual(TrainingReporter.loss(.infinity), "∞")
        XCTAssertEqual(TrainingReporter.loss(-.infinity), "−∞")
        XCTAssertEqual(TrainingReporter.loss(1.9777899e29), "1.978e+29")
    }
}
