import Foundation

/// Several series against iteration as a self-contained SVG: each series a faint raw line under
/// its smoothed line, iterations along the bottom, epochs along the top, a legend underneath.
public struct LineChart: Sendable {
    /// Accessible name of the chart (`aria-label`).
    public var title: String
    public var series: [ChartSeries]
    public var xLabel = "iteration"
    public var yLabel: String?
    /// Adds an epoch axis along the top when known.
    public var iterationsPerEpoch: Double?
    public var referenceLines: [ReferenceLine] = []
    /// Shaded min–max ranges drawn under the lines (a sweep's spread over seeds).
    public var bands: [ChartBand] = []
    /// Exponential-moving-average weight in [0, 1); 0 draws the raw values only.
    public var smoothing = 0.9
    /// Series with fewer points than this are drawn unsmoothed.
    public var minimumPointsForSmoothing = 20
    public var yScale = AxisScaleChoice.automatic
    /// A fixed value range instead of one fitted to the data (e.g. 0...1 for probabilities).
    public var yRange: ClosedRange<Double>?
    /// Narrow enough that text stays legible when a phone scales the chart to its width.
    public var width = 480.0
    public var plotHeight = 190.0
    public var maxPointsPerSeries = 600

    public init(title: String, series: [ChartSeries]) {
        self.title = title
        self.series = series
    }

    /// Text size the layout leaves room for: the stylesheet enlarges chart text to this on
    /// narrow screens (the default 12 scaled down to a phone's width would be about 8 px).
    static let layoutTextSize = 16.0

    public func svg() -> String {
        let logarithmic = usesLogarithmicScale
        let cleaned = series.map { Self.drawable($0, logarithmic: logarithmic) }
        let yTicks = valueTicks(cleaned, logarithmic: logarithmic)
        let xTicks = iterationTicks(cleaned)
        let epochTicks = iterationsPerEpoch.flatMap { perEpoch -> AxisTicks? in
            guard perEpoch > 0, perEpoch.isFinite else { return nil }
            return AxisTicks.linear(lower: xTicks.scale.lower / perEpoch, upper: xTicks.scale.upper / perEpoch,
                                    targetCount: 5, expand: false)
        }
        let left = yLabel == nil ? 56.0 : 72.0
        let top = epochTicks == nil ? 14.0 : 46.0
        let plot = PlotArea(left: left, top: top, width: width - left - 18, height: plotHeight)
        let smoothed = cleaned.contains { isSmoothed($0) }
        var labels = series.indices.map { (series[$0].name, color(of: $0)) }
        if smoothed { labels.append((smoothingLegend, ChartPalette.neutral)) }
        let legend = LegendLayout(labels: labels, left: plot.left, right: width - 8)
        let legendTop = plot.bottom + 50
        let height = legendTop + legend.height + 6

        var svg = SVGWriter(width: width, height: height, label: title + (logarithmic ? " (logarithmic value axis)" : ""),
                            className: "chart line-chart" + (logarithmic ? " log-axis" : ""),
                            data: pageScriptData(plot: plot, x: xTicks.scale, y: yTicks.scale))
        svg.drawLeftAxis(yTicks, in: plot)
        svg.drawBottomAxis(xTicks, in: plot, title: xLabel)
        if let epochTicks, let perEpoch = iterationsPerEpoch {
            svg.drawTopAxis(epochTicks, bottomScale: xTicks.scale, in: plot, title: "epoch") { $0 * perEpoch }
        }
        if let yLabel { svg.drawLeftTitle(logarithmic ? yLabel + " (log scale)" : yLabel, in: plot) }
        if logarithmic { drawLogMark(&svg, plot: plot) }
        drawReferenceLines(&svg, scale: yTicks.scale, plot: plot)
        for band in bands { drawBand(&svg, band, x: xTicks.scale, y: yTicks.scale, plot: plot) }
        for (index, line) in cleaned.enumerated() {
            drawSeries(&svg, line, segments: Self.drawableSegments(series[index], logarithmic: logarithmic),
                       original: series[index], color: color(of: index), x: xTicks.scale, y: yTicks.scale, plot: plot)
        }
        svg.drawLegend(legend, top: legendTop) { svg, entry, y in
            let x1 = SVGWriter.number(entry.x), x2 = SVGWriter.number(entry.x + LegendLayout.swatchWidth)
            if entry.index == series.count {
                // The smoothing entry: a faint raw line over a bold smoothed one, as the series are drawn.
                svg.open("g", ["class": "smoothing-key", "stroke": entry.color])
                svg.element("line", ["x1": x1, "y1": SVGWriter.number(y - 3), "x2": x2, "y2": SVGWriter.number(y - 3),
                                     "stroke-width": "1", "stroke-opacity": "0.35"])
                svg.element("line", ["x1": x1, "y1": SVGWriter.number(y + 3), "x2": x2, "y2": SVGWriter.number(y + 3),
                                     "stroke-width": "2.5"])
                svg.close("g")
            } else {
                svg.element("line", ["x1": x1, "y1": SVGWriter.number(y), "x2": x2, "y2": SVGWriter.number(y),
                                     "stroke": entry.color, "stroke-width": "2.5"])
            }
        }
        return svg.finished()
    }

    /// "faint: raw · bold: EMA 0.9", the legend's account of the two lines of each series.
    var smoothingLegend: String {
        "faint: raw · bold: EMA \(ValueText.plain(smoothing))"
    }

    func color(of index: Int) -> String {
        series[index].color ?? ChartPalette.color(for: series[index].name, index: index)
    }

    private func isSmoothed(_ line: ChartSeries) -> Bool {
        smoothing > 0 && line.y.count >= minimumPointsForSmoothing
    }

    /// What the page script needs to read values back from the drawing and to place a crosshair
    /// or an iteration marker: the plot rectangle and both axes' domains (the value axis in its
    /// linear space, log10 on a logarithmic axis).
    private func pageScriptData(plot: PlotArea, x: AxisScale, y: AxisScale) -> [(String, String)] {
        func numbers(_ values: Double...) -> String { values.map { ValueText.plain($0) }.joined(separator: " ") }
        var data = [("data-plot", numbers(plot.left, plot.top, plot.width, plot.height)),
                    ("data-x", numbers(x.lower, x.upper)),
                    ("data-y", numbers(y.transform(y.lower), y.transform(y.upper)))]
        if y.isLogarithmic { data.append(("data-y-log", "10")) }
        if smoothing > 0 { data.append(("data-smoothing", ValueText.plain(smoothing))) }
        return data
    }

    /// "log" written over the value axis, so a logarithmic axis is never mistaken for a linear one.
    private func drawLogMark(_ svg: inout SVGWriter, plot: PlotArea) {
        svg.element("text", ["class": "log-mark", "x": SVGWriter.number(plot.left + 4), "y": SVGWriter.number(plot.top + 14),
                             "fill": "#555555", "font-style": "italic"], content: "log scale")
    }

    var usesLogarithmicScale: Bool {
        if yRange != nil { return false }
        switch yScale {
        case .linear: return false
        case .logarithmic: return true
        case .automatic: return AxisScale.prefersLogarithmic(series.flatMap(\.y))
        }
    }

    /// The points that can be drawn: finite, and positive on a logarithmic axis.
    private static func drawable(_ series: ChartSeries, logarithmic: Bool) -> ChartSeries {
        let segments = drawableSegments(series, logarithmic: logarithmic)
        return ChartSeries(name: series.name, x: segments.flatMap(\.x), y: segments.flatMap(\.y))
    }

    private static func isDrawable(_ x: Double, _ y: Double, logarithmic: Bool) -> Bool {
        x.isFinite && y.isFinite && (!logarithmic || y > 0)
    }

    /// The runs of consecutive drawable points. A line is broken where a value is missing (an
    /// undefined metric, say reverse KL with no sample on a mode), not drawn across the gap as if
    /// the values between were known.
    static func drawableSegments(_ series: ChartSeries, logarithmic: Bool) -> [ChartSeries] {
        var segments: [ChartSeries] = [], xs: [Double] = [], ys: [Double] = []
        for (x, y) in zip(series.x, series.y) {
            if isDrawable(x, y, logarithmic: logarithmic) {
                xs.append(x)
                ys.append(y)
            } else if !xs.isEmpty {
                segments.append(ChartSeries(name: series.name, x: xs, y: ys))
                xs = []
                ys = []
            }
        }
        if !xs.isEmpty { segments.append(ChartSeries(name: series.name, x: xs, y: ys)) }
        return segments
    }

    private func valueTicks(_ lines: [ChartSeries], logarithmic: Bool) -> AxisTicks {
        if let yRange {
            return AxisTicks.linear(lower: yRange.lowerBound, upper: yRange.upperBound, expand: true)
        }
        var values = lines.flatMap(\.y)
        values += bands.flatMap { $0.low + $0.high }.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        values += referenceLines.map(\.value).filter { $0.isFinite && (!logarithmic || $0 > 0) }
        guard let low = values.min(), let high = values.max() else {
            return AxisTicks.linear(lower: 0, upper: 1, expand: true)
        }
        return logarithmic ? AxisTicks.logarithmic(lower: low, upper: high)
            : AxisTicks.linear(lower: low, upper: high, expand: true)
    }

    /// Iterations from 0 (or the first logged one when the run starts late) to the last one.
    private func iterationTicks(_ lines: [ChartSeries]) -> AxisTicks {
        let xs = lines.flatMap(\.x)
        guard var low = xs.min(), let high = xs.max() else {
            return AxisTicks.linear(lower: 0, upper: 1, targetCount: 5, expand: false)
        }
        if low > 0, low <= 0.1 * high { low = 0 }
        if low == high { return AxisTicks.linear(lower: low, upper: high, targetCount: 5, expand: true) }
        return AxisTicks.linear(lower: low, upper: high, targetCount: 5, expand: false)
    }

    private func drawReferenceLines(_ svg: inout SVGWriter, scale: AxisScale, plot: PlotArea) {
        for reference in referenceLines where scale.accepts(reference.value) {
            let y = SVGWriter.number(plot.y(scale.fraction(reference.value)))
            svg.open("g", ["class": "reference"])
            svg.element("line", ["x1": SVGWriter.number(plot.left), "y1": y, "x2": SVGWriter.number(plot.right), "y2": y,
                                 "stroke": "#666666", "stroke-dasharray": "5 4"])
            svg.element("text", ["x": SVGWriter.number(plot.right - 4), "y": SVGWriter.number(plot.y(scale.fraction(reference.value)) - 4),
                                 "text-anchor": "end", "fill": "#555555", "stroke": "#ffffff", "stroke-width": "3",
                                 "paint-order": "stroke"], content: reference.label)
            svg.close("g")
        }
    }

    /// One series: a polyline per run of drawable points (`segments`), a dot for a lone point.
    /// Whether it is smoothed is decided on the whole line.
    private func drawSeries(_ svg: inout SVGWriter, _ line: ChartSeries, segments: [ChartSeries], original: ChartSeries,
                            color: String, x: AxisScale, y: AxisScale, plot: PlotArea) {
        svg.open("g", ["class": "series", "fill": "none", "stroke": color, "stroke-linejoin": "round"],
                 more: [("data-series", original.name)])
        svg.element("title", content: "\(original.name): last value \(ValueText.format(original.y.last))")
        let smooth = isSmoothed(line)
        // The line's point budget is shared among its pieces by length, not granted to each
        // (past 150 pieces their minimum of four points each goes over it).
        let drawable = max(1, segments.reduce(0) { $0 + $1.y.count })
        for segment in segments {
            let limit = max(4, maxPointsPerSeries * segment.y.count / drawable)  // the downsampler keeps at least 4
            // Smoothing happens in axis space so a log axis averages orders of magnitude.
            let axisValues = segment.y.map(y.transform)
            if segment.y.count == 1 {
                let lowest = y.transform(y.lower), span = y.transform(y.upper) - lowest
                svg.element("circle", ["class": "point", "r": "2.5", "fill": color, "stroke": "none",
                                       "cx": SVGWriter.number(plot.x(x.fraction(segment.x[0]))),
                                       "cy": SVGWriter.number(plot.y((axisValues[0] - lowest) / span))])
                continue
            }
            if smooth {
                svg.element("polyline", ["class": "raw", "stroke-width": "1", "stroke-opacity": "0.25",
                                         "points": polyline(segment.x, axisValues, limit: limit, x: x, y: y, plot: plot)])
            }
            let main = smooth ? Smoothing.exponentialMovingAverage(axisValues, weight: smoothing) : axisValues
            svg.element("polyline", ["class": smooth ? "smoothed" : "line", "stroke-width": "2",
                                     "points": polyline(segment.x, main, limit: limit, x: x, y: y, plot: plot)])
        }
        svg.close("g")
    }

    /// The band as one closed polygon: along its highs, back along its lows.
    private func drawBand(_ svg: inout SVGWriter, _ band: ChartBand, x: AxisScale, y: AxisScale, plot: PlotArea) {
        let kept = band.x.indices.filter {
            band.x[$0].isFinite && y.accepts(band.low[$0]) && y.accepts(band.high[$0])
        }
        guard kept.count > 1 else { return }
        let lowest = y.transform(y.lower), span = y.transform(y.upper) - lowest
        func point(_ index: Int, _ value: Double) -> (x: Double, y: Double) {
            (x: plot.x(x.fraction(band.x[index])), y: plot.y((y.transform(value) - lowest) / span))
        }
        let outline = kept.map { point($0, band.high[$0]) } + kept.reversed().map { point($0, band.low[$0]) }
        // The band takes its line's colour (a metric's fixed colour, or the series' own), not the
        // palette's colour of the same index, which differs for named metrics.
        let fill = series.indices.contains(band.seriesIndex) ? color(of: band.seriesIndex) : ChartPalette.color(band.seriesIndex)
        svg.element("polygon", ["class": "band", "fill": fill, "fill-opacity": "0.18",
                                "stroke": "none", "points": SVGWriter.points(outline)])
    }

    /// Points for one polyline, thinned to `maxPointsPerSeries`; `values` are in axis space.
    private func polyline(_ xs: [Double], _ values: [Double], limit: Int, x: AxisScale, y: AxisScale, plot: PlotArea) -> String {
        let kept = Downsampler.minMaxIndices(values, limit: limit)
        let lowest = y.transform(y.lower), span = y.transform(y.upper) - lowest
        return SVGWriter.points(kept.map { index in
            (x: plot.x(x.fraction(xs[index])), y: plot.y((values[index] - lowest) / span))
        })
    }
}
