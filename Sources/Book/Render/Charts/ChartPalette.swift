import GAN

/// Series colours: distinct, dark enough to read on white. A metric the renderer knows has the
/// same colour in every chart of the site; other series (runs in a comparison) take colours in
/// order, skipping none, so a run keeps its colour wherever its index is the same.
enum ChartPalette {
    static let colors = [
        "#1f77b4", // blue
        "#d62728", // red
        "#2ca02c", // green
        "#ff7f0e", // orange
        "#9467bd", // purple
        "#8c564b", // brown
        "#e377c2", // pink
        "#17becf", // cyan
        "#7f7f7f", // grey
        "#bcbd22", // olive
    ]

    /// One colour per known column, none shared: red is loss_d_fake and nothing else.
    static let metricColors: [String: String] = [
        MetricColumn.lossG: "#1f77b4",
        MetricColumn.lossDReal: "#2ca02c",
        MetricColumn.lossDFake: "#d62728",
        MetricColumn.dReal: "#17becf",
        MetricColumn.dFake: "#ff7f0e",
        MetricColumn.gradNormG: "#9467bd",
        MetricColumn.gradNormD: "#8c564b",
        MetricColumn.gradNormDLoss: "#e377c2",
        MetricColumn.fakeMean: "#bcbd22",
        MetricColumn.fakeStd: "#7f7f7f",
        MetricColumn.realMean: "#393b79",
        MetricColumn.realStd: "#843c39",
        // The evaluation at every snapshot: its own colours, so classes_covered is never loss_d_fake's red.
        EvaluationKey.fcd: "#6a3d9a",
        EvaluationKey.classifierScore: "#b15928",
        EvaluationKey.classesCovered: "#1b9e77",
        EvaluationKey.latentChurn: "#66a61e",
        EvaluationKey.modesCovered: "#1f3b73",
        EvaluationKey.modesCovered20: "#d95f02",
        EvaluationKey.highQualityFraction: "#7570b3",
        EvaluationKey.reverseKL: "#a6761d",
    ]

    /// Colour of the raw/smoothed legend swatch: neither a series nor the axes.
    static let neutral = "#555555"

    static func color(_ index: Int) -> String {
        colors[index % colors.count]
    }

    /// The colour of a series: its fixed metric colour, else the palette's `index`-th.
    static func color(for name: String, index: Int) -> String {
        metricColors[name] ?? color(index)
    }
}
