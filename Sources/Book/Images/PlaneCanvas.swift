import Foundation

/// An RGB picture of the square [−extent, extent]² with the drawing operations of `PlanePicture`.
/// Marks that fall off the picture are clipped pixel by pixel; coordinates that are not finite
/// are never drawn.
struct PlaneCanvas {
    private(set) var image: PNGImage
    let size: Int
    let extent: Double

    init(size: Int, extent: Double) {
        self.size = size
        self.extent = extent
        image = PNGImage(width: size, height: size, channels: 3, fill: 255)
    }

    func contains(_ x: Float, _ y: Float) -> Bool {
        x.isFinite && y.isFinite && abs(Double(x)) <= extent && abs(Double(y)) <= extent
    }

    /// Pixel position of a point (may lie outside the picture), nil when not finite or absurdly far.
    func pixel(_ x: Float, _ y: Float) -> (Int, Int)? {
        let span = Double(size - 1)
        let far = -4.0 * Double(size)...(5.0 * Double(size))
        let px = (Double(x) + extent) / (2 * extent) * span, py = (extent - Double(y)) / (2 * extent) * span
        guard px.isFinite, py.isFinite, far.contains(px), far.contains(py) else { return nil }
        return (Int(px.rounded()), Int(py.rounded()))
    }

    mutating func plot(_ px: Int, _ py: Int, _ rgb: (UInt8, UInt8, UInt8)) {
        guard px >= 0, py >= 0, px < size, py < size else { return }
        image[px, py, 0] = rgb.0
        image[px, py, 1] = rgb.1
        image[px, py, 2] = rgb.2
    }

    /// σ(D) bilinearly interpolated between cell centres; diverging palette, white at 0.5.
    mutating func paintSurface(_ surface: [Float], side: Int) {
        for py in 0..<size {
            for px in 0..<size {
                // Cell coordinates of the pixel centre, cell centres at integers.
                let u = (Double(px) + 0.5) / Double(size) * Double(side) - 0.5
                let v = (Double(py) + 0.5) / Double(size) * Double(side) - 0.5
                let c0 = min(max(Int(u.rounded(.down)), 0), side - 1), r0 = min(max(Int(v.rounded(.down)), 0), side - 1)
                let c1 = min(c0 + 1, side - 1), r1 = min(r0 + 1, side - 1)
                let fu = min(max(u - Double(c0), 0), 1), fv = min(max(v - Double(r0), 0), 1)
                func at(_ r: Int, _ c: Int) -> Double { Double(surface[r * side + c]) }
                let top = at(r0, c0) * (1 - fu) + at(r0, c1) * fu
                let bottom = at(r1, c0) * (1 - fu) + at(r1, c1) * fu
                let rgb = Self.diverging(top * (1 - fv) + bottom * fv)
                plot(px, py, rgb)
            }
        }
    }

    /// 0 → purple (D: generated), 0.5 → white, 1 → green (D: real); pale, so marks stay visible.
    /// In bands of 0.05 (iso-lines of σ(D) for the eye, and a picture that compresses well).
    static func diverging(_ probability: Double) -> (UInt8, UInt8, UInt8) {
        guard probability.isFinite else { return (255, 255, 255) }
        let banded = ((min(max(probability, 0), 1) - 0.5) / 0.05).rounded() * 0.05
        let t = 2 * banded * 0.6
        let toward: (Double, Double, Double) = t >= 0 ? (60, 170, 90) : (150, 80, 190)
        let weight = abs(t)
        func mix(_ end: Double) -> UInt8 { UInt8((255 * (1 - weight) + end * weight).rounded()) }
        return (mix(toward.0), mix(toward.1), mix(toward.2))
    }

    /// Faint axes through the origin.
    mutating func axes() {
        guard let (ox, oy) = pixel(0, 0) else { return }
        for i in 0..<size {
            blend(ox, i, (200, 200, 200), 0.5)
            blend(i, oy, (200, 200, 200), 0.5)
        }
    }

    mutating func blend(_ px: Int, _ py: Int, _ rgb: (UInt8, UInt8, UInt8), _ weight: Double) {
        guard px >= 0, py >= 0, px < size, py < size else { return }
        func mix(_ old: UInt8, _ new: UInt8) -> UInt8 { UInt8((Double(old) * (1 - weight) + Double(new) * weight).rounded()) }
        let current = (image[px, py, 0], image[px, py, 1], image[px, py, 2])
        plot(px, py, (mix(current.0, rgb.0), mix(current.1, rgb.1), mix(current.2, rgb.2)))
    }

    mutating func dot(_ x: Float, _ y: Float, _ rgb: (UInt8, UInt8, UInt8)) {
        guard let (px, py) = pixel(x, y) else { return }
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] { plot(px + dx, py + dy, rgb) }
    }

    mutating func cross(_ x: Float, _ y: Float, _ rgb: (UInt8, UInt8, UInt8)) {
        guard let (px, py) = pixel(x, y) else { return }
        for (dx, dy) in [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)] { plot(px + dx, py + dy, rgb) }
    }

    mutating func ring(_ x: Float, _ y: Float, radius: Double, _ rgb: (UInt8, UInt8, UInt8)) {
        guard let (cx, cy) = pixel(x, y) else { return }
        for step in 0..<32 {
            let angle = Double(step) / 32 * 2 * Double.pi
            plot(cx + Int((radius * cos(angle)).rounded()), cy + Int((radius * sin(angle)).rounded()), rgb)
        }
    }

    /// A point outside the frame, on the edge where the line from the centre to it leaves.
    mutating func edgeMark(_ x: Float, _ y: Float, _ rgb: (UInt8, UInt8, UInt8)) {
        let scale = max(abs(Double(x)), abs(Double(y))) / extent
        guard scale > 0, scale.isFinite else { return }
        guard let (px, py) = pixel(Float(Double(x) / scale), Float(Double(y) / scale)) else { return }
        let ex = min(max(px, 1), size - 3), ey = min(max(py, 1), size - 3)
        for dx in -1...1 { for dy in -1...1 { plot(ex + dx, ey + dy, rgb) } }
    }

    mutating func line(_ a: (Int, Int), _ b: (Int, Int), _ rgb: (UInt8, UInt8, UInt8)) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        for _ in 0...(dx - dy) {
            plot(x0, y0, rgb)
            if x0 == x1 && y0 == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x0 += sx }
            if doubled <= dx { error += dx; y0 += sy }
        }
    }

    /// The image of a z grid: each point joined to its right and lower neighbour.
    mutating func mesh(_ points: [Float], side: Int, color: (UInt8, UInt8, UInt8)) {
        func at(_ r: Int, _ c: Int) -> (Int, Int)? {
            let i = 2 * (r * side + c)
            return pixel(points[i], points[i + 1])
        }
        for r in 0..<side {
            for c in 0..<side {
                guard let here = at(r, c) else { continue }
                if c + 1 < side, let right = at(r, c + 1) { line(here, right, color) }
                if r + 1 < side, let below = at(r + 1, c) { line(here, below, color) }
            }
        }
    }

    /// Arrows from each origin along its direction; the largest gradient gets 18 pixels and the
    /// others their share of it (at least 3), so lengths compare within a frame.
    mutating func arrows(origins: [Float], directions: [Float], color: (UInt8, UInt8, UInt8)) {
        let count = min(origins.count, directions.count) / 2
        var largest = 0.0
        for i in 0..<count {
            let length = hypot(Double(directions[2 * i]), Double(directions[2 * i + 1]))
            if length.isFinite { largest = max(largest, length) }
        }
        guard largest > 0 else { return }
        for i in 0..<count {
            let gx = Double(directions[2 * i]), gy = Double(directions[2 * i + 1])
            let length = hypot(gx, gy)
            guard length.isFinite, length > 0, let start = pixel(origins[2 * i], origins[2 * i + 1]) else { continue }
            let pixels = max(3, 18 * length / largest)
            // Screen y grows downwards.
            let ux = gx / length, uy = -gy / length
            let tip = (start.0 + Int((ux * pixels).rounded()), start.1 + Int((uy * pixels).rounded()))
            line(start, tip, color)
            for side in [-1.0, 1.0] {
                let angle = atan2(uy, ux) + Double.pi - side * 0.45
                line(tip, (tip.0 + Int((4 * cos(angle)).rounded()), tip.1 + Int((4 * sin(angle)).rounded())), color)
            }
        }
    }

    /// A whole number in a 3×5 pixel font at twice the size, from its top-left corner.
    mutating func number(_ value: Int, at origin: (Int, Int), _ rgb: (UInt8, UInt8, UInt8)) {
        // Rows of each digit, top to bottom, 3 bits each (left = 4).
        let glyphs: [[Int]] = [
            [7, 5, 5, 5, 7], [2, 6, 2, 2, 7], [7, 1, 7, 4, 7], [7, 1, 7, 1, 7], [5, 5, 7, 1, 1],
            [7, 4, 7, 1, 7], [7, 4, 7, 5, 7], [7, 1, 1, 1, 1], [7, 5, 7, 5, 7], [7, 5, 7, 1, 7],
        ]
        for (index, character) in String(value).enumerated() {
            guard let digit = character.wholeNumberValue else { continue }
            for (row, bits) in glyphs[digit].enumerated() {
                for column in 0..<3 where bits & (4 >> column) != 0 {
                    for dx in 0..<2 { for dy in 0..<2 {
                        plot(origin.0 + index * 8 + column * 2 + dx, origin.1 + row * 2 + dy, rgb)
                    } }
                }
            }
        }
    }
}
