/// Drawing steps shared by the line chart and the scatter plot.
extension SVGWriter {
    static let axisColor = "#8a8a8a"
    static let gridColor = "#ececec"
    static let labelColor = "#444444"

    /// Horizontal grid lines and labelled ticks on the left edge.
    mutating func drawLeftAxis(_ ticks: AxisTicks, in plot: PlotArea) {
        open("g", ["class": "y-axis", "fill": Self.labelColor, "text-anchor": "end"])
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = Self.number(plot.y(ticks.scale.fraction(value)))
            element("line", ["x1": Self.number(plot.left), "y1": y, "x2": Self.number(plot.right), "y2": y,
                             "stroke": Self.gridColor])
            element("text", ["x": Self.number(plot.left - 6), "y": y, "dy": "0.32em"], content: label)
        }
        element("line", ["x1": Self.number(plot.left), "y1": Self.number(plot.top),
                         "x2": Self.number(plot.left), "y2": Self.number(plot.bottom), "stroke": Self.axisColor])
        close("g")
    }

    /// The axis line along the bottom edge with ticks pointing down and labels under them.
    mutating func drawBottomAxis(_ ticks: AxisTicks, in plot: PlotArea, title: String?) {
        open("g", ["class": "x-axis", "fill": Self.labelColor, "text-anchor": "middle"])
        element("line", ["x1": Self.number(plot.left), "y1": Self.number(plot.bottom),
                         "x2": Self.number(plot.right), "y2": Self.number(plot.bottom), "stroke": Self.axisColor])
        for (value, label) in zip(ticks.values, ticks.labels) {
            let x = Self.number(plot.x(ticks.scale.fraction(value)))
            element("line", ["x1": x, "y1": Self.number(plot.bottom), "x2": x, "y2": Self.number(plot.bottom + 4),
                             "stroke": Self.axisColor])
            element("text", ["x": x, "y": Self.number(plot.bottom + 21)], content: label)
        }
        if let title {
            element("text", ["x": Self.number(plot.left + plot.width / 2), "y": Self.number(plot.bottom + 41)],
                    content: title)
        }
        close("g")
    }

    /// A secondary axis along the top edge whose tick values live in other units than the
    /// bottom axis (epochs over iterations): `position` maps a tick value to a bottom-axis value.
    mutating func drawTopAxis(_ ticks: AxisTicks, bottomScale: AxisScale, in plot: PlotArea, title: String,
                              position: (Double) -> Double) {
        open("g", ["class": "top-axis", "fill": Self.labelColor, "text-anchor": "middle"])
        element("line", ["x1": Self.number(plot.left), "y1": Self.number(plot.top),
                         "x2": Self.number(plot.right), "y2": Self.number(plot.top), "stroke": Self.axisColor])
        for (value, label) in zip(ticks.values, ticks.labels) {
            let x = Self.number(plot.x(bottomScale.fraction(position(value))))
            element("line", ["x1": x, "y1": Self.number(plot.top - 4), "x2": x, "y2": Self.number(plot.top),
                             "stroke": Self.axisColor])
            element("text", ["x": x, "y": Self.number(plot.top - 9)], content: label)
        }
        // Close to the axis: on a phone the labels are drawn larger, and further left "epoch" was cut off.
        element("text", ["x": Self.number(plot.left - 8), "y": Self.number(plot.top - 9), "text-anchor": "end"],
                content: title)
        close("g")
    }

    /// A title written upwards along the left margin.
    mutating func drawLeftTitle(_ title: String, in plot: PlotArea) {
        let x = Self.number(16), y = Self.number(plot.top + plot.height / 2)
        element("text", ["x": x, "y": y, "transform": "rotate(-90 \(x) \(y))", "text-anchor": "middle",
                         "fill": Self.labelColor], content: title)
    }

    mutating func drawLegend(_ legend: LegendLayout, top: Double, marker: (inout SVGWriter, LegendLayout.Entry, Double) -> Void) {
        guard legend.rowCount > 0 else { return }
        open("g", ["class": "legend", "fill": Self.labelColor])
        for entry in legend.entries {
            let y = top + Double(entry.row) * LegendLayout.rowHeight + LegendLayout.rowHeight / 2
            marker(&self, entry, y)
            element("text", ["x": Self.number(entry.x + LegendLayout.swatchWidth + 6), "y": Self.number(y),
                             "dy": "0.32em"], content: entry.label)
        }
        close("g")
    }
}
