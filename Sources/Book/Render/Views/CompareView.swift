/// What the `compare` partial shows for a ```gan-compare directive.
public struct CompareView: Sendable {
    public var compareTitle: String
    public var metric: String
    public var chartSVG: String
    public var runs: [RunLink]

    public init(compareTitle: String, metric: String, chartSVG: String, runs: [RunLink]) {
        self.compareTitle = compareTitle
        self.metric = metric
        self.chartSVG = chartSVG
        self.runs = runs
    }
}
