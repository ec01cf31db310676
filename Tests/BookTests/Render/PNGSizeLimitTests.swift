import XCTest
@testable import Book

/// A PNG's header may claim any size; the reader refuses absurd ones before allocating pixels.
final class PNGSizeLimitTests: XCTestCase {
    /// A valid small PNG whose IHDR is rewritten to `width` × `height` (with a correct CRC, so
    /// libpng accepts the header and only the size check can stop it).
    static func png(declaring width: UInt32, _ height: UInt32) -> Data {
        var bytes = [UInt8](PNGImage(width: 4, height: 4, channels: 1, fill: 7).encode())
        // Signature (8), length (4), "IHDR" (4), then width and height, big-endian.
        func put(_ word: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32(index))) }
        }
        put(width, at: 16)
        put(height, at: 20)
        put(crc32(Array(bytes[12..<29])), at: 29)
        return Data(bytes)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    func testAMillionByAMillionPixelsIsRefusedBeforeDecoding() {
        XCTAssertThrowsError(try PNGImage.decode(Self.png(declaring: 1_000_000, 1_000_000), file: "runs/x/final.png")) { error in
            let error = error as? BookError
            XCTAssertEqual(error?.file, "runs/x/final.png")
            XCTAssertTrue(error?.message.contains("1000000×1000000") ?? false, "\(String(describing: error))")
        }
    }

    func testSizesTheFileCannotHoldAreRefused() {
        // 8000 × 8000 fits the side and byte limits, but not in a file of a hundred bytes.
        XCTAssertThrowsError(try PNGImage.decode(Self.png(declaring: 8000, 8000))) { error in
            XCTAssertTrue((error as? BookError)?.message.contains("can hold") ?? false, "\(error)")
        }
        XCTAssertNotNil(PNGSizeLimit.problem(width: 40_000, height: 1, channels: 1, fileSize: 1 << 30))
        XCTAssertNotNil(PNGSizeLimit.problem(width: 20_000, height: 20_000, channels: 3, fileSize: 1 << 30))
        XCTAssertNil(PNGSizeLimit.problem(width: 2_000, height: 300, channels: 3, fileSize: 2_000))
    }

    func testTheRewrittenHeaderIsOtherwiseValid() throws {
        XCTAssertEqual(try PNGImage.decode(Self.png(declaring: 4, 4)), PNGImage(width: 4, height: 4, channels: 1, fill: 7))
    }
}
