/// A run named by its id, linking to its experiment block on the page.
public struct RunLink: Equatable, Sendable {
    public var runID: String
    /// `#run-<id>`.
    public var href: String
    public var shortHash: String

    public init(runID: String, hash: String) {
        self.runID = runID
        self.href = "#run-" + runID
        self.shortHash = String(hash.prefix(12))
    }

    /// A row that stands for several runs (a sweep's setting) links to the sweep's block.
    init(label: String, href: String, hash: String) {
        self.runID = label
        self.href = href
        self.shortHash = String(hash.prefix(12))
    }
}
