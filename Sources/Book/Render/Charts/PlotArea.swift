/// The rectangle inside a chart where data is drawn, in SVG user units (y grows downwards).
struct PlotArea: Equatable {
    let left: Double
    let top: Double
    let width: Double
    let height: Double

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// SVG x for a horizontal axis fraction (0 = left edge).
    func x(_ fraction: Double) -> Double {
        left + min(max(fraction, 0), 1) * width
    }

    /// SVG y for a vertical axis fraction (0 = bottom edge); values outside are pinned to the edge.
    func y(_ fraction: Double) -> Double {
        bottom - min(max(fraction, 0), 1) * height
    }
}
