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
        left + Self.pinned(fraction) * width
    }

    /// SVG y for a vertical axis fraction (0 = bottom edge); values outside are pinned to the edge.
    func y(_ fraction: Double) -> Double {
        bottom - Self.pinned(fraction) * height
    }

    /// The fraction inside [0, 1]; NaN (from ∞ - ∞ in a diverged run's numbers) goes to 0,
    /// which `min`/`max` alone would pass through.
    private static func pinned(_ fraction: Double) -> Double {
        fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    }
}
