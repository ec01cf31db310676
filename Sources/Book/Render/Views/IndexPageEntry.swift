/// One page of the notebook as listed on the index.
public struct IndexPageEntry: Sendable {
    public let title: String
    public let summary: String
    /// Relative link to the page, e.g. `mode-collapse.html`.
    public let link: String
    public let experimentCount: Int
    /// Summed wall time of the page's runs, for people ("12 min 30 s").
    public let totalTrainingTime: String
    /// "1 experiment" / "3 experiments".
    public let experimentCountText: String

    public init(title: String, summary: String, link: String, experimentCount: Int, trainingSeconds: Double) {
        self.title = title
        self.summary = summary
        self.link = link
        self.experimentCount = experimentCount
        self.totalTrainingTime = DurationText.format(seconds: trainingSeconds)
        self.experimentCountText = experimentCount == 1 ? "1 experiment" : "\(experimentCount) experiments"
    }
}
