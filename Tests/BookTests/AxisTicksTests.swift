import XCTest
@testable import Book

final class AxisTicksTests: XCTestCase {
    func testNiceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(AxisTicks.niceStep(for: 3750), 5000)
        XCTAssertEqual(AxisTicks.niceStep(for: 0.23), 0.2)
        XCTAssertEqual(AxisTicks.niceStep(for: 1.2), 1)
        XCTAssertEqual(AxisTicks.niceStep(for: 8), 10)
        XCTAssertEqual(AxisTicks.niceStep(for: 0.004), 0.005, accuracy: 1e-12)
    }

    func testIterationAxisKeepsDomainAndLabelsThousandsWithK() {
        let ticks = AxisTicks.linear(lower: 0, upper: 18750, targetCount: 6, expand: false)
        XCTAssertEqual(ticks.scale.lower, 0)
        XCTAssertEqual(ticks.scale.upper, 18750)
        XCTAssertEqual(ticks.values, [0, 5000, 10000, 15000])
        XCTAssertEqual(ticks.labels, ["0", "5k", "10k", "15k"])
    }

    func testHalfThousandStepsGetOneDecimal() {
        let ticks = AxisTicks.linear(lower: 0, upper: 3000, targetCount: 6, expand: false)
        XCTAssertEqual(ticks.labels, ["0", "500", "1k", "1.5k", "2k", "2.5k", "3k"])
    }

    func testValueAxisExpandsToRoundBounds() {
        let ticks = AxisTicks.linear(lower: 0.31, upper: 1.87, expand: true)
        XCTAssertEqual(ticks.scale.lower, 0)
        XCTAssertEqual(ticks.scale.upper, 2)
        XCTAssertEqual(ticks.labels, ["0", "0.5", "1", "1.5", "2"])
        let narrow = AxisTicks.linear(lower: 0.62, upper: 0.71, expand: true)
        XCTAssertEqual(narrow.scale.lower, 0.62, accuracy: 1e-12)
        XCTAssertEqual(narrow.scale.upper, 0.72, accuracy: 1e-12)
        XCTAssertEqual(narrow.labels, ["0.62", "0.64", "0.66", "0.68", "0.7", "0.72"])
    }

    func testNegativeAndConstantRanges() {
        let ticks = AxisTicks.linear(lower: -1, upper: 1, targetCount: 4, expand: true)
        XCTAssertEqual(ticks.labels, ["-1", "-0.5", "0", "0.5", "1"])
        let constant = AxisTicks.linear(lower: 2, upper: 2, expand: true)
        XCTAssertLessThan(constant.scale.lower, 2)
        XCTAssertGreaterThan(constant.scale.upper, 2)
    }

    func testLogarithmicTicksAtDecades() {
        let ticks = AxisTicks.logarithmic(lower: 0.03, upper: 45)
        XCTAssertEqual(ticks.scale.lower, 0.01, accuracy: 1e-15)
        XCTAssertEqual(ticks.scale.upper, 100, accuracy: 1e-12)
        XCTAssertEqual(ticks.labels, ["0.01", "0.1", "1", "10", "100"])
        XCTAssertEqual(ticks.scale.fraction(1), 0.5, accuracy: 1e-12)
        let wide = AxisTicks.logarithmic(lower: 1e-6, upper: 1e6)
        XCTAssertEqual(wide.labels, ["1e-6", "1e-4", "0.01", "1", "100", "10k", "1M"])
    }

    func testLogScaleChosenOnlyForPositiveValuesSpanningMoreThanTwoDecades() {
        XCTAssertTrue(AxisScale.prefersLogarithmic([0.05, 1, 12]))
        XCTAssertFalse(AxisScale.prefersLogarithmic([0.5, 1, 12]))
        XCTAssertFalse(AxisScale.prefersLogarithmic([0, 0.05, 100]))
        XCTAssertFalse(AxisScale.prefersLogarithmic([]))
    }

    func testSVGNumbersHaveAtMostTwoDecimals() {
        XCTAssertEqual(SVGNumber.format(1), "1")
        XCTAssertEqual(SVGNumber.format(1.5), "1.5")
        XCTAssertEqual(SVGNumber.format(1.005), "1")
        XCTAssertEqual(SVGNumber.format(12.3456), "12.35")
        XCTAssertEqual(SVGNumber.format(0.07), "0.07")
        XCTAssertEqual(SVGNumber.format(-0.001), "0")
        XCTAssertEqual(SVGNumber.format(-3.1), "-3.1")
    }
}
