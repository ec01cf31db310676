/// The sizes a PNG may declare before its pixels are allocated. A header is 13 bytes that can
/// claim 4 billion × 4 billion pixels; decoding trusts it only when the picture is of a sane size
/// and the file is big enough to hold that many pixels.
enum PNGSizeLimit {
    /// Longest side: ganbook's largest picture (an evolution strip) is a few thousand pixels wide.
    static let maximumSide = 1 << 15
    /// Decoded bytes: 256 MB.
    static let maximumBytes = 1 << 28
    /// Decoded bytes per byte of file: deflate expands at most 1032:1, and a 1-bit palette image
    /// grows 24-fold more when decoded to 8-bit RGB.
    static let maximumExpansion = 1032 * 24

    /// Why the declared size is refused, or nil when it may be decoded.
    static func problem(width: Int, height: Int, channels: Int, fileSize: Int) -> String? {
        guard width > 0, height > 0 else { return "the PNG declares an empty \(width)×\(height) picture" }
        guard width <= maximumSide, height <= maximumSide else {
            return "the PNG declares \(width)×\(height) pixels, more than \(maximumSide) on a side"
        }
        let bytes = width * height * channels
        guard bytes <= maximumBytes else {
            return "the PNG declares \(width)×\(height) pixels (\(bytes) bytes decoded), more than \(maximumBytes)"
        }
        // Every row starts with a filter byte, so even a blank picture needs about a byte per
        // 1032 rows; the 1 KB allowance covers the fixed chunks of a tiny file.
        guard bytes <= maximumExpansion * fileSize + 1024 * maximumExpansion else {
            return "the PNG declares \(width)×\(height) pixels, more than its \(fileSize) bytes can hold"
        }
        return nil
    }
}
