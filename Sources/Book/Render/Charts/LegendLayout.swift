/// Places legend entries left to right, wrapping into rows that fit the chart width.
/// Text width is estimated (no font metrics in a plain SVG writer), generously, for the larger
/// text narrow screens get (`LineChart.layoutTextSize`).
struct LegendLayout: Equatable {
    struct Entry: Equatable {
        /// Position in the labels given, i.e. the series index.
        let index: Int
        let label: String
        let color: String
        let x: Double
        let row: Int
    }

    static let rowHeight = 21.0
    static let swatchWidth = 18.0
    private static let characterWidth = 8.8
    private static let gap = 18.0

    let entries: [Entry]
    let rowCount: Int

    init(labels: [(label: String, color: String)], left: Double, right: Double) {
        var entries: [Entry] = []
        var x = left
        var row = 0
        for (index, item) in labels.enumerated() {
            let width = Self.swatchWidth + 6 + Double(item.label.count) * Self.characterWidth
            if x > left, x + width > right {
                row += 1
                x = left
            }
            entries.append(Entry(index: index, label: item.label, color: item.color, x: x, row: row))
            x += width + Self.gap
        }
        self.entries = entries
        rowCount = labels.isEmpty ? 0 : row + 1
    }

    var height: Double { Double(rowCount) * Self.rowHeight }
}
