import Foundation

/// An 8-bit image in memory: gray (1 channel) or RGB (3 channels), rows top to bottom,
/// channels interleaved. Encoding and decoding live in `PNGCodec`.
public struct PNGImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// 1 (gray) or 3 (RGB).
    public let channels: Int
    /// `height × width × channels` bytes.
    public var bytes: [UInt8]

    public init(width: Int, height: Int, channels: Int, bytes: [UInt8]) {
        precondition(width > 0 && height > 0, "image must not be empty: \(width)x\(height)")
        precondition(channels == 1 || channels == 3, "channels must be 1 or 3, got \(channels)")
        precondition(bytes.count == width * height * channels,
                     "expected \(width * height * channels) bytes for \(width)x\(height)x\(channels), got \(bytes.count)")
        self.width = width
        self.height = height
        self.channels = channels
        self.bytes = bytes
    }

    /// An image filled with one value in every channel.
    public init(width: Int, height: Int, channels: Int, fill: UInt8) {
        self.init(width: width, height: height, channels: channels,
                  bytes: [UInt8](repeating: fill, count: width * height * channels))
    }

    /// Bytes per row.
    public var rowStride: Int { width * channels }

    public subscript(x: Int, y: Int, channel: Int) -> UInt8 {
        get { bytes[(y * width + x) * channels + channel] }
        set { bytes[(y * width + x) * channels + channel] = newValue }
    }

    /// Copies `source` into this image with its top-left corner at (`x`, `y`).
    public mutating func paste(_ source: PNGImage, x: Int, y: Int) {
        precondition(source.channels == channels, "channel count differs: \(source.channels) vs \(channels)")
        precondition(x >= 0 && y >= 0 && x + source.width <= width && y + source.height <= height,
                     "pasted image does not fit at (\(x), \(y))")
        for row in 0..<source.height {
            let from = row * source.rowStride
            let to = (y + row) * rowStride + x * channels
            bytes.replaceSubrange(to..<(to + source.rowStride), with: source.bytes[from..<(from + source.rowStride)])
        }
    }

    /// PNG data for this image; same pixels always give the same bytes.
    public func encode() -> Data {
        PNGCodec.encode(self)
    }

    /// Reads a PNG (any bit depth or colour type); colour files become RGB, others gray,
    /// and transparency is composited onto white. `file` names the source in errors.
    public static func decode(_ data: Data, file: String = "PNG data") throws -> PNGImage {
        try PNGCodec.decode(data, file: file)
    }
}
