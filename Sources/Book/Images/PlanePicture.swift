import GAN

/// One snapshot of a 2-D run as GAN Lab's layered picture (Kahng et al. 2018), all in one frame
/// [−extent, extent]²: D's decision surface σ(D(x)) as a diverging heatmap (green where D says
/// real, purple where it says generated, white at 0.5), G's manifold as a warped mesh when z is
/// 2-D, real samples as green crosses, generated samples as purple dots, mode centres as black
/// rings and −∇ₓL_G on some generated samples as short arrows (longest = largest gradient).
///
/// The frame is pinned to the data, so every frame of a run lines up. Nothing is cut off silently:
/// a generated point outside the frame is drawn in red on the edge where it left, and the number
/// of such points (not-finite ones included) is written in red in the top-left corner.
struct PlanePicture {
    var extent: Double
    var generated: [Float]
    var real: [Float] = []
    var centers: [SIMD2<Double>] = []
    var view: PlaneView?
    var size = 320

    static let realColor: (UInt8, UInt8, UInt8) = (20, 120, 50)
    static let generatedColor: (UInt8, UInt8, UInt8) = (110, 40, 160)
    static let outsideColor: (UInt8, UInt8, UInt8) = (210, 30, 30)

    /// Generated points that are outside the frame or not finite.
    var outsideCount: Int {
        stride(from: 0, to: generated.count - 1, by: 2).filter { !inside(generated[$0], generated[$0 + 1]) }.count
    }

    func draw() -> PNGImage {
        var canvas = PlaneCanvas(size: size, extent: extent.isFinite && extent > 0 ? extent : 1)
        if let view, view.surfaceSide > 0 { canvas.paintSurface(view.surface, side: view.surfaceSide) }
        canvas.axes()
        if let view, view.manifoldSide > 1 { canvas.mesh(view.manifold, side: view.manifoldSide, color: (95, 95, 95)) }
        forEachPoint(real) { x, y in canvas.cross(x, y, Self.realColor) }
        var outside = 0
        forEachPoint(generated) { x, y in
            if canvas.contains(x, y) {
                canvas.dot(x, y, Self.generatedColor)
            } else {
                outside += 1
                if x.isFinite && y.isFinite { canvas.edgeMark(x, y, Self.outsideColor) }
            }
        }
        for center in centers where center.x.isFinite && center.y.isFinite {
            canvas.ring(Float(center.x), Float(center.y), radius: 5, (0, 0, 0))
        }
        if let view { canvas.arrows(origins: view.arrowOrigins, directions: view.arrows, color: (35, 35, 35)) }
        if outside > 0 { canvas.number(outside, at: (4, 4), Self.outsideColor) }
        return canvas.image
    }

    private func inside(_ x: Float, _ y: Float) -> Bool {
        x.isFinite && y.isFinite && abs(Double(x)) <= extent && abs(Double(y)) <= extent
    }

    private func forEachPoint(_ values: [Float], _ body: (Float, Float) -> Void) {
        var i = 0
        while i + 1 < values.count {
            body(values[i], values[i + 1])
            i += 2
        }
    }
}
