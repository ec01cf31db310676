import XCTest
@testable import Book

final class SmoothingTests: XCTestCase {
    func testBiasCorrectedMovingAverage() {
        let smoothed = Smoothing.exponentialMovingAverage([1, 2, 3], weight: 0.5)
        // (0.5·1) / 0.5 = 1; (0.25·1 + 0.5·2) / 0.75 = 5/3; (0.125 + 0.5 + 1.5) / 0.875 = 17/7
        XCTAssertEqual(smoothed[0], 1, accuracy: 1e-12)
        XCTAssertEqual(smoothed[1], 5.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(smoothed[2], 17.0 / 7, accuracy: 1e-12)
    }

    func testConstantStaysConstantAndZeroWeightIsIdentity() {
        for value in Smoothing.exponentialMovingAverage([Double](repeating: 4, count: 50), weight: 0.9) {
            XCTAssertEqual(value, 4, accuracy: 1e-9)
        }
        XCTAssertEqual(Smoothing.exponentialMovingAverage([3, 1, 2], weight: 0), [3, 1, 2])
    }

    func testDownsamplingKeepsEndsAndExtremesWithinTheLimit() {
        var values = (0..<10_000).map { sin(Double($0) / 300) }
        values[4321] = 50
        values[7777] = -50
        let kept = Downsampler.minMaxIndices(values, limit: 600)
        XCTAssertLessThanOrEqual(kept.count, 600)
        XCTAssertEqual(kept.first, 0)
        XCTAssertEqual(kept.last, 9999)
        XCTAssertTrue(kept.contains(4321))
        XCTAssertTrue(kept.contains(7777))
        XCTAssertEqual(kept, kept.sorted())
        XCTAssertEqual(Set(kept).count, kept.count)
        XCTAssertEqual(Downsampler.minMaxIndices(values, limit: 600), kept)
        XCTAssertEqual(Downsampler.minMaxIndices([1, 2, 3], limit: 600), [0, 1, 2])
    }
}
