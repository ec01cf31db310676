/// What the `sweep` partial shows for a ```gan block with `seeds:` or `sweep:`: the final grid
/// of each run side by side, curves as the mean over the runs with their min–max band, and a
/// table of the runs' final metrics with mean ± std over seeds.
public struct SweepView: Sendable {
    public struct Grid: Sendable {
        public let label: String
        public let runID: String
        public let path: String
        public let shortHash: String
    }

    public let runID: String
    public let anchor: String
    public let caption: String?
    public let runCount: Int
    public let grids: [Grid]
    /// Inline SVG documents.
    public let discriminatorChartSVG: String
    public let lossChartSVG: String
    public let table: TableView
}
