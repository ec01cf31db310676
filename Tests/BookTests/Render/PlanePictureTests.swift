import XCTest
@testable import Book
@testable import GAN

/// GAN Lab's layers in one 2-D picture, and the plane views' file.
final class PlanePictureTests: XCTestCase {
    private func view(surface value: Float, extent: Double = 2) -> PlaneView {
        PlaneView(iteration: 5, extent: extent, surfaceSide: 4, surface: Array(repeating: value, count: 16),
                  arrowOrigins: [0, 0], arrows: [1, 0], manifoldSide: 2, manifold: [-1, 1, 1, 1, -1, -1, 1, -1])
    }

    private func pixel(_ image: PNGImage, _ x: Int, _ y: Int) -> [UInt8] { (0..<3).map { image[x, y, $0] } }

    func testSurfaceIsADivergingHeatmapNeutralAtOneHalf() {
        let size = 64
        let real = PlanePicture(extent: 2, generated: [], view: view(surface: 1), size: size).draw()
        let fake = PlanePicture(extent: 2, generated: [], view: view(surface: 0), size: size).draw()
        let neutral = PlanePicture(extent: 2, generated: [], view: view(surface: 0.5), size: size).draw()
        let corner = pixel(real, 2, size - 3)
        XCTAssertGreaterThan(corner[1], corner[0], "D says real: green")
        let purple = pixel(fake, 2, size - 3)
        XCTAssertGreaterThan(purple[2], purple[1], "D says generated: purple")
        XCTAssertEqual(pixel(neutral, 2, size - 3), [255, 255, 255], "0.5 is white")
    }

    func testLayersAreDrawn() {
        let size = 101
        let plain = PlanePicture(extent: 2, generated: [], size: size).draw()
        // The manifold mesh joins (−1, 1) to (1, 1): a line at a quarter of the height.
        let meshed = PlanePicture(extent: 2, generated: [], view: view(surface: 0.5), size: size).draw()
        XCTAssertNotEqual(pixel(meshed, 50, 25), pixel(plain, 50, 25))
        // The arrow at the origin points right (−∇ₓL_G = (1, 0)).
        XCTAssertNotEqual(pixel(meshed, 58, 50), pixel(plain, 58, 50))
        // Real and generated marks differ in colour.
        let real = PlanePicture(extent: 2, generated: [], real: [1, -1], size: size).draw()
        let generated = PlanePicture(extent: 2, generated: [1, -1], size: size).draw()
        XCTAssertNotEqual(pixel(real, 75, 75), pixel(generated, 75, 75))
        XCTAssertNotEqual(pixel(real, 75, 75), [255, 255, 255])
    }

    func testPointsOutsideTheFrameAreMarkedOnTheEdgeAndCounted() {
        let size = 101
        let picture = PlanePicture(extent: 2, generated: [5, 0, 0.5, 0.5, 0, -9], size: size)
        XCTAssertEqual(picture.outsideCount, 2)
        let image = picture.draw()
        XCTAssertEqual(pixel(image, size - 3, 50), [210, 30, 30], "the point at (5, 0) sits on the right edge")
        XCTAssertEqual(pixel(image, 50, size - 3), [210, 30, 30], "the point at (0, −9) on the bottom edge")
        let inside = PlanePicture(extent: 2, generated: [0.5, 0.5], size: size).draw()
        XCTAssertEqual(pixel(image, 4, 4), [210, 30, 30], "the count is written top left")
        XCTAssertNotEqual(pixel(inside, 4, 4), [210, 30, 30])
    }

    func testPlaneViewsFileRoundTrip() throws {
        let views = [view(surface: 0.25), view(surface: 0.75)]
        let text = PlaneViewsJSON.encode(views)
        let back = try PlaneViewsJSON.decode(Data(text.utf8), file: "planes.json")
        XCTAssertEqual(back.count, 2)
        XCTAssertEqual(back[1].surface[3], 0.75, accuracy: 1 / 255)
        XCTAssertEqual(back[0].arrows, views[0].arrows)
        XCTAssertEqual(back[0].manifold, views[0].manifold)
        XCTAssertThrowsError(try PlaneViewsJSON.decode(Data("{}".utf8), file: "planes.json"))
    }
}
