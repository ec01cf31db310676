import XCTest
@testable import GAN

final class MixtureGeometryTests: XCTestCase {
    func testPacGANRingGeometry() throws {
        let config = try RunConfig.decode(yaml: "dataset: {name: ring8, radius: 1, std: 0.01}", file: "t.yaml")
        XCTAssertEqual(config.dataset, .ring8)
        XCTAssertEqual(config.mixture, MixtureGeometry(scale: 1, std: 0.01))
        let mixture = try XCTUnwrap(GaussianMixture.of(config))
        XCTAssertEqual(mixture.centers[0].x, 1, accuracy: 1e-12)
        XCTAssertEqual(mixture.std, 0.01)
        XCTAssertTrue(config.datasetIdentity.contains("radius=1 std=0.01"), config.datasetIdentity)
        let data = try Dataset.load(for: config, search: DataSearchPath.standard(dataArgument: nil))
        XCTAssertEqual(data.mixture, mixture)
        let first = SIMD2(Double(data.example(0)[0]), Double(data.example(0)[1]))
        XCTAssertLessThan(((first - mixture.centers[0]) * (first - mixture.centers[0])).sum().squareRoot(), 0.05)
    }

    func testDefaultsAreMetzEtAlAndSpelledOutInTheResolvedConfig() throws {
        let ring = try RunConfig.decode(yaml: "dataset: ring8", file: "t.yaml")
        XCTAssertEqual(ring.mixture, MixtureGeometry(scale: 2, std: 0.02))
        XCTAssertEqual(GaussianMixture.of(ring), .ring8)
        XCTAssertTrue(ring.canonicalJSON.contains(#""dataset":{"name":"ring8","radius":2,"std":0.02}"#), ring.canonicalJSON)
        let written = try RunConfig.decode(yaml: "dataset: {name: ring8, radius: 2, std: 0.02}", file: "t.yaml")
        XCTAssertEqual(written.runHash, ring.runHash, "writing the defaults out is the same run")
        let other = try RunConfig.decode(yaml: "dataset: {name: ring8, std: 0.01}", file: "t.yaml")
        XCTAssertNotEqual(other.runHash, ring.runHash)
        // config.json reads back to the same run.
        XCTAssertEqual(try RunConfig.decode(yaml: other.prettyJSON, file: "config.json"), other)
        let grid = try RunConfig.decode(yaml: "dataset: {name: grid25, spacing: 1}", file: "t.yaml")
        XCTAssertEqual(GaussianMixture.of(grid)?.centers.last, SIMD2(2, 2))
        XCTAssertEqual(grid.mixture?.std, 0.05)
        XCTAssertEqual(GaussianMixture.of(try RunConfig.decode(yaml: "dataset: grid25", file: "t.yaml")), .grid25)
        XCTAssertNil(try RunConfig.decode(yaml: "dataset: mnist", file: "t.yaml").mixture)
    }

    func testBadGeometryIsAnError() {
        for (yaml, expected) in [("dataset: {name: ring8, spacing: 1}", "ring8 has no spacing"),
                                 ("dataset: {name: ring8, radius: 0}", "greater than 0"),
                                 ("dataset: {name: mnist, std: 1}", "no geometry"),
                                 ("dataset: {radius: 1}", "needs its name"),
                                 ("dataset: {name: ring8, colour: red}", "unknown key")] {
            XCTAssertThrowsError(try RunConfig.decode(yaml: yaml, file: "t.yaml"), yaml) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(yaml): \(error)")
            }
        }
    }
}
