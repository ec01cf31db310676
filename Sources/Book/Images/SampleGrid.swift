/// Turns a batch of generated images into one tiled picture, `columns` per row with a
/// 1-px border around every tile (the classic 8×8 sample grid).
public enum SampleGrid {
    /// - Parameters:
    ///   - values: `count × channels × height × width` floats, expected in [0, 1]; values outside are clamped.
    ///   - channels: 1 (gray) or 3 (RGB).
    ///   - columns: tiles per row; rows are as many as needed.
    ///   - borderValue: gray level of the borders and of unused tiles.
    public static func tile(_ values: [Float], count: Int, channels: Int, height: Int, width: Int,
                            columns: Int = 8, borderValue: UInt8 = 128) -> PNGImage {
        precondition(count > 0 && columns > 0, "a grid needs at least one image and one column")
        precondition(values.count == count * channels * height * width,
                     "expected \(count)x\(channels)x\(height)x\(width) = \(count * channels * height * width) values, got \(values.count)")
        let rows = (count + columns - 1) / columns
        let gridColumns = min(columns, count)
        var grid = PNGImage(width: gridColumns * (width + 1) + 1, height: rows * (height + 1) + 1,
                            channels: channels, fill: borderValue)
        let plane = height * width
        for index in 0..<count {
            let left = (index % columns) * (width + 1) + 1
            let top = (index / columns) * (height + 1) + 1
            let base = index * channels * plane
            for y in 0..<height {
                for x in 0..<width {
                    for c in 0..<channels {
                        // [N, C, H, W] in, interleaved H×W×C out.
                        grid[left + x, top + y, c] = byte(values[base + c * plane + y * width + x])
                    }
                }
            }
        }
        return grid
    }

    private static func byte(_ value: Float) -> UInt8 {
        guard value.isFinite else { return 0 }
        return UInt8((min(max(value, 0), 1) * 255).rounded())
    }
}
