import Foundation

/// The cheap check of a cached PNG, without decoding it: the signature, an IHDR chunk first with
/// sane dimensions, and an IEND chunk at the end (so a cut file fails). Also run before a full
/// decode, so a file declaring a huge image is refused before anything is allocated.
struct PNGHeader: Equatable {
    let width: Int
    let height: Int
    /// Cache images are at most a few thousand pixels a side (a filmstrip of many frames is the widest).
    static let maximumSide = 1 << 15
    static let maximumPixels = 1 << 26

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let end: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    /// The header, or a `BookError` naming `file` and what is wrong.
    static func check(_ data: Data, file: String) throws -> PNGHeader {
        let bytes = [UInt8](data.prefix(33))
        guard bytes.count == 33, Array(bytes[0..<8]) == signature else {
            throw BookError(file: file, message: "not a PNG file (no PNG signature)")
        }
        guard Array(bytes[12..<16]) == Array("IHDR".utf8), bigEndian(bytes, 8) == 13 else {
            throw BookError(file: file, message: "damaged PNG (no IHDR header chunk)")
        }
        let width = bigEndian(bytes, 16), height = bigEndian(bytes, 20)
        guard (1...maximumSide).contains(width), (1...maximumSide).contains(height), width * height <= maximumPixels else {
            throw BookError(file: file, message: "PNG declares \(width) × \(height) pixels, more than a cache image can be",
                            hint: "at most \(maximumSide) pixels a side and \(maximumPixels) pixels in all")
        }
        guard data.count >= 33 + end.count, [UInt8](data.suffix(end.count)) == end else {
            throw BookError(file: file, message: "PNG is cut short (no IEND chunk at its end)")
        }
        return PNGHeader(width: width, height: height)
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int) -> Int {
        bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
    }
}
