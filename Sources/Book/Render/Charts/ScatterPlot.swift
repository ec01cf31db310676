/// 2-D points as a square SVG with equal scales on both axes, e.g. generated samples of a
/// Gaussian-mixture run over the real mode centres.
public struct ScatterPlot: Sendable {
    public var title: String
    /// Drawn in order, so later sets lie on top.
    public var sets: [ScatterSet]
    public var size = 360.0
    /// Sets with more points are thinned evenly (deterministically) to this many.
    public var maxPointsPerSet = 2000

    public init(title: String, sets: [ScatterSet]) {
        self.title = title
        self.sets = sets
    }

    public func svg() -> String {
        let finite = sets.map { set -> [(x: Double, y: Double)] in
            zip(set.x, set.y).filter { $0.0.isFinite && $0.1.isFinite }.map { (x: $0.0, y: $0.1) }
        }
        let all = finite.flatMap { $0 }
        let low = all.map { min($0.x, $0.y) }.min() ?? -1
        let high = all.map { max($0.x, $0.y) }.max() ?? 1
        // One domain for both axes keeps circles circular.
        let ticks = AxisTicks.linear(lower: low, upper: high, targetCount: 4, expand: true)
        let plot = PlotArea(left: 40, top: 12, width: size - 52, height: size - 52)
        let legend = LegendLayout(labels: sets.indices.map { (sets[$0].name, ChartPalette.color($0)) },
                                  left: plot.left, right: size - 8)
        let legendTop = plot.bottom + 24
        let height = legendTop + legend.height + 6

        var svg = SVGWriter(width: size, height: height, label: title, className: "chart scatter-plot")
        svg.drawLeftAxis(ticks, in: plot)
        svg.drawBottomAxis(ticks, in: plot, title: nil)
        for (index, set) in sets.enumerated() {
            let color = ChartPalette.color(index)
            svg.open("g", Self.groupAttributes(set.marker, color: color))
            svg.element("title", content: "\(set.name): \(set.x.count) points")
            for point in thinned(finite[index]) {
                svg.element("circle", ["cx": SVGWriter.number(plot.x(ticks.scale.fraction(point.x))),
                                       "cy": SVGWriter.number(plot.y(ticks.scale.fraction(point.y))),
                                       "r": set.marker == .dot ? "1.6" : "5"])
            }
            svg.close("g")
        }
        let markers = sets.map(\.marker)
        svg.drawLegend(legend, top: legendTop) { svg, entry, y in
            let center = SVGWriter.number(entry.x + LegendLayout.swatchWidth / 2)
            if markers[entry.index] == .ring {
                svg.element("circle", ["cx": center, "cy": SVGWriter.number(y), "r": "4", "fill": "none",
                                       "stroke": entry.color, "stroke-width": "2"])
            } else {
                svg.element("circle", ["cx": center, "cy": SVGWriter.number(y), "r": "3", "fill": entry.color])
            }
        }
        return svg.finished()
    }

    private static func groupAttributes(_ marker: ScatterSet.Marker, color: String) -> KeyValuePairs<String, String> {
        switch marker {
        case .dot: return ["class": "points", "fill": color, "fill-opacity": "0.45"]
        case .ring: return ["class": "modes", "fill": "none", "stroke": color, "stroke-width": "2"]
        }
    }

    private func thinned(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard points.count > maxPointsPerSet else { return points }
        return (0..<maxPointsPerSet).map { points[$0 * points.count / maxPointsPerSet] }
    }
}
