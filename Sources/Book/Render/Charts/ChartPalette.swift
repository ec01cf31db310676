/// Series colours: distinct, dark enough to read on white, in a fixed order.
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

    static func color(_ index: Int) -> String {
        colors[index % colors.count]
    }
}
