/// One IDX file (the MNIST format): a big-endian header of magic number and dimensions, then
/// unsigned bytes.
struct IDXFile {
    /// The two IDX layouts MNIST-style datasets use.
    enum Kind {
        /// Magic 0x00000803: count × rows × columns pixels.
        case images
        /// Magic 0x00000801: count labels.
        case labels

        var magic: UInt32 { self == .images ? 0x0000_0803 : 0x0000_0801 }
        var dimensionCount: Int { self == .images ? 3 : 1 }
        var name: String { self == .images ? "image" : "label" }
    }

    let kind: Kind
    /// Sizes from the header: [count, rows, columns] or [count].
    let dimensions: [Int]
    /// The whole decompressed file (header included), as the canonical digests cover it.
    let bytes: [UInt8]

    /// Offset of the first data byte.
    var headerSize: Int { 4 + 4 * dimensions.count }
    /// The data bytes after the header.
    var payload: ArraySlice<UInt8> { bytes[headerSize...] }

    /// Reads and checks a `.gz` or raw IDX file.
    static func read(path: String, kind: Kind) throws -> IDXFile {
        try IDXFile(bytes: CompressedFileReader.readAll(path: path), kind: kind, file: path)
    }

    /// Checks the magic number, dimensions and exact length of a decompressed IDX file.
    init(bytes: [UInt8], kind: Kind, file: String) throws {
        func corrupt(_ message: String) -> GANError {
            GANError(kind: .corruptData, file: file, message: message,
                     hint: "the file is damaged or not an IDX \(kind.name) file; download or copy it again")
        }
        let headerSize = 4 + 4 * kind.dimensionCount
        guard bytes.count >= headerSize else {
            throw corrupt("expected an IDX header of \(headerSize) bytes, found \(bytes.count) bytes")
        }
        let magic = Self.bigEndianWord(bytes, at: 0)
        guard magic == kind.magic else {
            throw corrupt("wrong magic number \(Self.hex(magic)), expected \(Self.hex(kind.magic)) for IDX \(kind.name)s")
        }
        let dimensions = (0..<kind.dimensionCount).map { Int(Self.bigEndianWord(bytes, at: 4 + 4 * $0)) }
        if kind == .images, dimensions[1] == 0 || dimensions[2] == 0 {
            throw corrupt("image size \(dimensions[1])×\(dimensions[2]) is empty")
        }
        // Three 32-bit sizes can multiply past Int's range: a damaged header, not a crash.
        let payloadSize = dimensions.reduce(Optional(1)) { product, size in
            product.flatMap { $0.multipliedReportingOverflow(by: size) }.flatMap { $0.overflow ? nil : $0.partialValue }
        }
        guard let payloadSize, payloadSize <= bytes.count else {
            let sizes = dimensions.map(String.init).joined(separator: "×")
            throw corrupt("the header declares \(sizes) bytes of data, more than the \(bytes.count) bytes of the file")
        }
        let expected = headerSize + payloadSize
        guard bytes.count == expected else {
            let sizes = dimensions.map(String.init).joined(separator: "×")
            throw corrupt("expected \(expected) bytes (\(headerSize)-byte header + \(sizes)), found \(bytes.count)")
        }
        self.kind = kind
        self.dimensions = dimensions
        self.bytes = bytes
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }

    private static func hex(_ word: UInt32) -> String {
        let digits = String(word, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
