/// One page of the notebook as listed on the index.
public struct IndexPageEntry: Sendable {
    public let title: String
    public let summary: String
    /// Relative link to the page, e.g. `mode-collapse.html`.
    public let link: String
    public let runCount: Int
    /// Summed wall time of the page's runs, for people ("12 min 30 s").
    public let totalTrainingTime: String
    /// "1 run" / "3 runs".
    public let runCountText: String

    public init(title: String, summary: String, link: String, runCount: Int, trainingSeconds: Double) {
        self.title = title
        self.summary = summary
        self.link = link
        self.runCount = runCount
        self.totalTrainingTime = DurationText.format(seconds: trainingSeconds)
        self.runCountText = runCount == 1 ? "1 run" : "\(runCount) runs"
    }
}
