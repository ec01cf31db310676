/// Draws 2-D samples as a small RGB picture: mode centres as grey rings, generated points as
/// blue dots, on a fixed window so every frame of a run lines up. Points outside the window,
/// and points that are not finite (a diverged run's), are left out.
enum PointRaster {
    static func draw(points: [Float], centers: [SIMD2<Double>], extent: Double, size: Int = 200) -> PNGImage {
        var image = PNGImage(width: size, height: size, channels: 3, fill: 255)
        // Pixel coordinates, or nil when the point lies clearly outside the picture (which
        // includes NaN and infinities); the margin keeps rings that straddle the edge.
        func pixel(_ x: Double, _ y: Double) -> (Int, Int)? {
            let span = Double(size - 1)
            let margin = -16...(size + 16)
            guard let px = WholeNumber.clamped((x + extent) / (2 * extent) * span, to: margin),
                  let py = WholeNumber.clamped((extent - y) / (2 * extent) * span, to: margin),
                  margin.lowerBound < px, px < margin.upperBound,
                  margin.lowerBound < py, py < margin.upperBound else { return nil }
            return (px, py)
        }
        func plot(_ px: Int, _ py: Int, _ rgb: (UInt8, UInt8, UInt8)) {
            guard px >= 0, py >= 0, px < size, py < size else { return }
            image[px, py, 0] = rgb.0
            image[px, py, 1] = rgb.1
            image[px, py, 2] = rgb.2
        }
        // Axes through the origin, faint.
        if let (ox, oy) = pixel(0, 0) {
            for i in 0..<size { plot(ox, i, (232, 232, 232)); plot(i, oy, (232, 232, 232)) }
        }
        for center in centers {
            guard let (cx, cy) = pixel(center.x, center.y) else { continue }
            for step in 0..<24 {
                let angle = Double(step) / 24 * 2 * Double.pi
                plot(cx + Int((5 * cos(angle)).rounded()), cy + Int((5 * sin(angle)).rounded()), (150, 150, 150))
            }
        }
        var i = 0
        while i + 1 < points.count {
            defer { i += 2 }
            guard let (px, py) = pixel(Double(points[i]), Double(points[i + 1])) else { continue }
            plot(px, py, (31, 97, 181))
            plot(px + 1, py, (31, 97, 181))
            plot(px, py + 1, (31, 97, 181))
            plot(px + 1, py + 1, (31, 97, 181))
        }
        return image
    }
}

#if canImport(Glibc)
import Glibc
#endif
