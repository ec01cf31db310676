extension PNGImage {
    /// Half the width and height, each pixel the rounded mean of a 2×2 block (an odd last row or
    /// column is dropped): thumbnails for a filmstrip that keeps a whole picture per frame.
    func halved() -> PNGImage {
        let w = width / 2, h = height / 2
        var out = PNGImage(width: max(w, 1), height: max(h, 1), channels: channels, fill: 0)
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<channels {
                    let sum = Int(self[2 * x, 2 * y, c]) + Int(self[2 * x + 1, 2 * y, c])
                        + Int(self[2 * x, 2 * y + 1, c]) + Int(self[2 * x + 1, 2 * y + 1, c])
                    out.bytes[y * out.rowStride + x * channels + c] = UInt8((sum + 2) / 4)
                }
            }
        }
        return out
    }
}
