import XCTest
@testable import GAN

final class DataIDXTests: XCTestCase {
    private let imageBytes = DataTestFiles.images(count: 3, rows: 2, columns: 4) { UInt8($0 * 10) }

    func testCRCMatchesTheStandardCheckValue() {
        XCTAssertEqual(DataTestFiles.crc32(Array("123456789".utf8)), 0xcbf4_3926)
    }

    func testRawImageFile() throws {
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("images")
        try DataTestFiles.write(imageBytes, to: url)
        let file = try IDXFile.read(path: url.path, kind: .images)
        XCTAssertEqual(file.dimensions, [3, 2, 4])
        XCTAssertEqual(Array(file.payload), (0..<24).map { UInt8($0 * 10) })
        XCTAssertEqual(file.bytes, imageBytes)
    }

    func testGzipImageFile() throws {
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("images.gz")
        try DataTestFiles.write(DataTestFiles.gzip(imageBytes), to: url)
        let file = try IDXFile.read(path: url.path, kind: .images)
        XCTAssertEqual(file.dimensions, [3, 2, 4])
        XCTAssertEqual(file.bytes, imageBytes)
    }

    func testLargeGzipFileSpansManyBlocksAndReads() throws {
        let big = DataTestFiles.images(count: 300, rows: 28, columns: 28) { UInt8($0 % 251) }
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("big.gz")
        try DataTestFiles.write(DataTestFiles.gzip(big), to: url)
        XCTAssertEqual(try CompressedFileReader.readAll(path: url.path), big)
    }

    func testLabelFile() throws {
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("labels.gz")
        try DataTestFiles.write(DataTestFiles.gzip(DataTestFiles.labels([3, 1, 4])), to: url)
        let file = try IDXFile.read(path: url.path, kind: .labels)
        XCTAssertEqual(file.dimensions, [3])
        XCTAssertEqual(Array(file.payload), [3, 1, 4])
    }

    func testTruncatedRawFileNamesExpectedAndFoundLength() throws {
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("images")
        try DataTestFiles.write(Array(imageBytes.dropLast(5)), to: url)
        XCTAssertThrowsError(try IDXFile.read(path: url.path, kind: .images)) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.kind, .corruptData)
            XCTAssertEqual(error?.file, url.path)
            XCTAssertEqual(error?.message, "expected 40 bytes (16-byte header + 3×2×4), found 35")
        }
    }

    func testFileWithExtraBytesIsRejected() throws {
        XCTAssertThrowsError(try IDXFile(bytes: imageBytes + [0], kind: .images, file: "x")) { error in
            XCTAssertEqual((error as? GANError)?.message, "expected 40 bytes (16-byte header + 3×2×4), found 41")
        }
    }

    func testTruncatedGzipFile() throws {
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("images.gz")
        let gzip = DataTestFiles.gzip(imageBytes)
        try DataTestFiles.write(Array(gzip.prefix(gzip.count - 20)), to: url)
        XCTAssertThrowsError(try IDXFile.read(path: url.path, kind: .images)) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.kind, .corruptData)
            XCTAssertEqual(error?.file, url.path)
            XCTAssertTrue(error?.message.contains("truncated") ?? false, error?.message ?? "")
        }
    }

    func testCorruptGzipChecksum() throws {
        let url = try DataTestFiles.temporaryDirectory(for: self).appendingPathComponent("images.gz")
        var gzip = DataTestFiles.gzip(imageBytes)
        gzip[gzip.count - 8] ^= 0xff
        try DataTestFiles.write(gzip, to: url)
        XCTAssertThrowsError(try IDXFile.read(path: url.path, kind: .images)) { error in
            XCTAssertEqual((error as? GANError)?.kind, .corruptData)
        }
    }

    func testWrongMagic() throws {
        XCTAssertThrowsError(try IDXFile(bytes: DataTestFiles.labels([1, 2, 3, 4, 5, 6, 7, 8]), kind: .images, file: "labels-as-images")) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.kind, .corruptData)
            XCTAssertEqual(error?.file, "labels-as-images")
            XCTAssertEqual(error?.message, "wrong magic number 0x00000801, expected 0x00000803 for IDX images")
        }
    }

    func testShortHeader() {
        XCTAssertThrowsError(try IDXFile(bytes: [0, 0, 8], kind: .labels, file: "tiny")) { error in
            XCTAssertEqual((error as? GANError)?.message, "expected an IDX header of 8 bytes, found 3 bytes")
        }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try IDXFile.read(path: "/nonexistent/images.gz", kind: .images)) { error in
            let error = error as? GANError
            XCTAssertEqual(error?.kind, .unreadable)
            XCTAssertEqual(error?.file, "/nonexistent/images.gz")
        }
    }
}
