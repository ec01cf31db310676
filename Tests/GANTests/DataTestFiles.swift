import Foundation
import XCTest

/// Small IDX and gzip files written by hand, so the readers are tested without the real data.
enum DataTestFiles {
    /// A fresh empty directory, removed when the test ends.
    static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// An IDX image file: magic 0x00000803, count × rows × columns pixels from `pixel(index)`.
    static func images(count: Int, rows: Int, columns: Int, pixel: (Int) -> UInt8) -> [UInt8] {
        header(magic: 0x0000_0803, dimensions: [count, rows, columns]) + (0..<count * rows * columns).map(pixel)
    }

    /// An IDX label file: magic 0x00000801.
    static func labels(_ labels: [UInt8]) -> [UInt8] {
        header(magic: 0x0000_0801, dimensions: [labels.count]) + labels
    }

    private static func header(magic: UInt32, dimensions: [Int]) -> [UInt8] {
        ([magic] + dimensions.map { UInt32($0) }).flatMap(bigEndian)
    }

    private static func bigEndian(_ word: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) }
    }

    private static func littleEndian(_ word: UInt32) -> [UInt8] {
        [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: word >> $0) }
    }

    /// A gzip file (RFC 1952) holding `bytes` in stored (uncompressed) deflate blocks.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let isFinal = offset + length == bytes.count
            out.append(isFinal ? 1 : 0)
            out += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8((~length >> 8) & 0xff)]
            out += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        return out + littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// CRC-32 (IEEE, reflected), as gzip stores it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
