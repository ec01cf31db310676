import XCTest
@testable import GAN

final class LatentChurnTests: XCTestCase {
    func testChurnIsTheShareOfCellsWhoseClassChanged() {
        XCTAssertEqual(LatentChurn.share([1, 2, 3, 4], [1, 2, 3, 4]), 0)
        XCTAssertEqual(LatentChurn.share([1, 2, 3, 4], [1, 7, 3, 0]), 0.5)
        XCTAssertEqual(LatentChurn.share([0, 0], [1, 1]), 1)
    }

    func testTheSecondHalfMeanLeavesOutTheFirstHalf() {
        let curve: [(iteration: Int, churn: Double)] = [(20, 0.9), (40, 0.8), (60, 0.2), (80, 0.1), (100, 0.3)]
        XCTAssertEqual(LatentChurn.secondHalfMean(curve, total: 100), 0.2, accuracy: 1e-12)
        XCTAssertTrue(LatentChurn.secondHalfMean([(10, 0.5)], total: 100).isNaN)
    }

    func testTheGridSpansThreeStandardDeviationsAtUniformQuantiles() {
        let grid = LatentGrid(side: 5, zDim: 7)
        let c = grid.coordinates
        XCTAssertEqual(c.first!, -3, accuracy: 1e-9)
        XCTAssertEqual(c.last!, 3, accuracy: 1e-9)
        XCTAssertEqual(c[2], 0, accuracy: 1e-9)
        // Evenly spaced in probability: Φ(c₁) − Φ(c₀) = Φ(c₂) − Φ(c₁).
        XCTAssertEqual(LatentGrid.normalCDF(c[1]) - LatentGrid.normalCDF(c[0]),
                       LatentGrid.normalCDF(c[2]) - LatentGrid.normalCDF(c[1]), accuracy: 1e-9)
        let z = grid.noise
        XCTAssertEqual(z.shape, [25, 7])
        // Top-left cell: low z₁, high z₂, the other dimensions zero.
        XCTAssertEqual(Double(z.data[0]), -3, accuracy: 1e-5)
        XCTAssertEqual(Double(z.data[1]), 3, accuracy: 1e-5)
        XCTAssertEqual((2..<7).map { z.data[$0] }, [0, 0, 0, 0, 0])
    }

    /// A constructed generator history: predicted classes of a 4-cell grid at three snapshots.
    func testChurnOverAConstructedHistory() {
        let history = [[0, 1, 2, 3], [0, 1, 2, 9], [5, 6, 2, 9]]
        let churn = zip(history, history.dropFirst()).map { LatentChurn.share($0, $1) }
        XCTAssertEqual(churn, [0.25, 0.5])
    }
}
