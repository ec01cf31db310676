import XCTest
@testable import Book

final class PNGImageTests: XCTestCase {
    func testGrayRoundTrip() throws {
        let image = PNGImage(width: 5, height: 3, channels: 1, bytes: (0..<15).map { UInt8($0 * 17) })
        let data = image.encode()
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(try PNGImage.decode(data), image)
    }

    func testRGBRoundTrip() throws {
        let bytes = (0..<(7 * 4 * 3)).map { UInt8(($0 * 37) % 256) }
        let image = PNGImage(width: 7, height: 4, channels: 3, bytes: bytes)
        let decoded = try PNGImage.decode(image.encode())
        XCTAssertEqual(decoded.channels, 3)
        XCTAssertEqual(decoded, image)
        XCTAssertEqual(decoded[6, 3, 2], bytes.last)
    }

    func testEncodingIsDeterministicAndHasNoTimeChunk() {
        let image = PNGImage(width: 64, height: 64, channels: 1, bytes: (0..<4096).map { UInt8($0 % 251) })
        let first = image.encode()
        XCTAssertEqual(first, image.encode())
        XCTAssertNil(first.range(of: Data("tIME".utf8)))
    }

    func testDamagedDataIsABookErrorNamingTheFile() {
        XCTAssertThrowsError(try PNGImage.decode(Data("not a png".utf8), file: "runs/x/samples/final.png")) { error in
            XCTAssertEqual((error as? BookError)?.file, "runs/x/samples/final.png")
        }
        var truncated = PNGImage(width: 16, height: 16, channels: 3, fill: 9).encode()
        truncated.removeLast(20)
        XCTAssertThrowsError(try PNGImage.decode(truncated))
    }

    func testFilmstripPlacesFramesSideBySideWithSeparators() {
        let frames = (0..<3).map { PNGImage(width: 4, height: 2, channels: 1, fill: UInt8($0 * 10)) }
        let strip = Filmstrip.join(frames, separatorWidth: 2, separatorValue: 255)
        XCTAssertEqual(strip.width, 3 * 4 + 2 * 2)
        XCTAssertEqual(strip.height, 2)
        XCTAssertEqual((0..<strip.width).map { strip[$0, 1, 0] },
                       [0, 0, 0, 0, 255, 255, 10, 10, 10, 10, 255, 255, 20, 20, 20, 20])
        XCTAssertEqual(Filmstrip.join([frames[0]]), frames[0])
    }

    func testSampleGridTilesImagesWithOnePixelBorders() {
        // 64 gray 2×3 images; image i is filled with i/63.
        let count = 64, height = 2, width = 3
        let values = (0..<count).flatMap { i in [Float](repeating: Float(i) / 63, count: height * width) }
        let grid = SampleGrid.tile(values, count: count, channels: 1, height: height, width: width, borderValue: 128)
        XCTAssertEqual(grid.width, 8 * (width + 1) + 1)
        XCTAssertEqual(grid.height, 8 * (height + 1) + 1)
        XCTAssertEqual(grid[0, 0, 0], 128)
        XCTAssertEqual(grid[1, 1, 0], 0)
        XCTAssertEqual(grid[4, 1, 0], 128, "border between the first two tiles")
        XCTAssertEqual(grid[5, 1, 0], UInt8((255.0 / 63).rounded()))
        XCTAssertEqual(grid[grid.width - 2, grid.height - 2, 0], 255)
    }

    func testSampleGridReadsChannelsFromPlanarInputAndClamps() {
        // One 1×1 RGB image: planes R, G, B.
        let grid = SampleGrid.tile([1.5, 0.5, -1], count: 1, channels: 3, height: 1, width: 1)
        XCTAssertEqual(grid.width, 3)
        XCTAssertEqual([grid[1, 1, 0], grid[1, 1, 1], grid[1, 1, 2]], [255, 128, 0])
    }

    func testHalvingAveragesEachTwoByTwoBlock() {
        var image = PNGImage(width: 5, height: 4, channels: 1, fill: 0)
        image[0, 0, 0] = 255; image[1, 0, 0] = 255; image[0, 1, 0] = 0; image[1, 1, 0] = 1
        image[2, 2, 0] = 100; image[3, 2, 0] = 100; image[2, 3, 0] = 100; image[3, 3, 0] = 100
        image[4, 0, 0] = 77  // the odd last column is dropped
        let half = image.halved()
        XCTAssertEqual([half.width, half.height], [2, 2])
        XCTAssertEqual(half.bytes, [128, 0, 0, 100])
    }
}
