/// Draws 2-D samples as a small RGB picture: mode centres as grey rings, generated points as
/// blue dots, on a fixed window so every frame of a run lines up.
enum PointRaster {
    static func draw(points: [Float], centers: [SIMD2<Double>], extent: Double, size: Int = 200) -> PNGImage {
        var image = PNGImage(width: size, height: size, channels: 3, fill: 255)
        func pixel(_ x: Double, _ y: Double) -> (Int, Int) {
            (Int(((x + extent) / (2 * extent) * Double(size - 1)).rounded()),
             Int(((extent - y) / (2 * extent) * Double(size - 1)).rounded()))
        }
        func plot(_ px: Int, _ py: Int, _ rgb: (UInt8, UInt8, UInt8)) {
            guard px >= 0, py >= 0, px < size, py < size else { return }
            image[px, py, 0] = rgb.0
            image[px, py, 1] = rgb.1
            image[px, py, 2] = rgb.2
        }
        // Axes through the origin, faint.
        let (ox, oy) = pixel(0, 0)
        for i in 0..<size { plot(ox, i, (232, 232, 232)); plot(i, oy, (232, 232, 232)) }
        for center in centers {
            let (cx, cy) = pixel(center.x, center.y)
            for step in 0..<24 {
                let angle = Double(step) / 24 * 2 * Double.pi
                plot(cx + Int((5 * cos(angle)).rounded()), cy + Int((5 * sin(angle)).rounded()), (150, 150, 150))
            }
        }
        var i = 0
        while i + 1 < points.count {
            let (px, py) = pixel(Double(points[i]), Double(points[i + 1]))
            plot(px, py, (31, 97, 181))
            plot(px + 1, py, (31, 97, 181))
            plot(px, py + 1, (31, 97, 181))
            plot(px + 1, py + 1, (31, 97, 181))
            i += 2
        }
        return image
    }
}

#if canImport(Glibc)
import Glibc
#endif
