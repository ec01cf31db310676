import XCTest
@testable import GAN

final class DataMixtureTests: XCTestCase {
    func testRing8Centers() {
        let ring = GaussianMixture.ring8
        XCTAssertEqual(ring.centers.count, 8)
        XCTAssertEqual(ring.std, 0.02)
        for center in ring.centers {
            XCTAssertEqual((center * center).sum().squareRoot(), 2, accuracy: 1e-12)
        }
        XCTAssertEqual(ring.centers[0].x, 2, accuracy: 1e-12)
        XCTAssertEqual(ring.centers[2].y, 2, accuracy: 1e-12)
    }

    func testGrid25Centers() {
        let grid = GaussianMixture.grid25
        XCTAssertEqual(grid.centers.count, 25)
        XCTAssertEqual(grid.std, 0.05)
        XCTAssertEqual(Set(grid.centers.map(\.x)), [-4, -2, 0, 2, 4])
        XCTAssertEqual(Set(grid.centers.map(\.y)), [-4, -2, 0, 2, 4])
        XCTAssertEqual(Set(grid.centers.map { "\($0.x),\($0.y)" }).count, 25)
    }

    func testGenerationIsDeterministicAndBalanced() {
        let first = GaussianMixture.ring8.generate()
        let second = GaussianMixture.ring8.generate()
        XCTAssertEqual(first.allValues(), second.allValues())
        XCTAssertEqual(first.digest, second.digest)
        XCTAssertEqual(first.count, 50_000)
        XCTAssertEqual(first.shape, .point(dimension: 2))
        XCTAssertEqual(first.allValues().count, 100_000)
        XCTAssertEqual(first.identity, DatasetName.ring8.identity)
        for mode in 0..<8 {
            XCTAssertEqual(first.labels.filter { $0 == mode }.count, 6_250)
        }
    }

    func testPointsSpreadAroundTheirModeWithTheGivenStd() {
        let grid = GaussianMixture.grid25
        let data = grid.generate()
        let values = data.allValues()
        var sumSquares = 0.0
        for index in 0..<data.count {
            let center = grid.centers[data.labels[index]]
            let dx = Double(values[2 * index]) - center.x
            let dy = Double(values[2 * index + 1]) - center.y
            XCTAssertLessThan(max(abs(dx), abs(dy)), 6 * grid.std)
            sumSquares += dx * dx + dy * dy
        }
        let measuredStd = (sumSquares / Double(2 * data.count)).squareRoot()
        XCTAssertEqual(measuredStd, grid.std, accuracy: grid.std * 0.02)
    }

    func testIdentityNamesVersionAndParameters() {
        XCTAssertEqual(DatasetName.ring8.identity, "ring8 generator-v1 modes=8 radius=2 std=0.02 points=50000 seed=8")
        XCTAssertEqual(DatasetName.grid25.identity, "grid25 generator-v1 modes=25 grid=5x5 spacing=2 std=0.05 points=50000 seed=25")
        XCTAssertEqual(DatasetName.fashionMNIST.identity, "fashion-mnist train-images-sha256:\(CanonicalDigests.fashionMNIST.trainImages)")
    }

    func testLoadGeneratesMixturesWithoutFiles() throws {
        let nowhere = DataSearchPath(locations: [])
        let data = try Dataset.load(for: try RunConfig.decode(yaml: "dataset: grid25", file: "p.md"), search: nowhere)
        XCTAssertEqual(data.count, 50_000)
        XCTAssertEqual(data.name, .grid25)
    }
}
