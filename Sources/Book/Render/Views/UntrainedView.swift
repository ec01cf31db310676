/// What a page shows in place of a block whose runs have no cache entry in this build
/// (`--keep-going` after they failed or could not train): the block's name and the runs missing.
public struct UntrainedView: Sendable {
    /// The gan block's id, or the display's kind (`gan-compare of a, b`).
    public let title: String
    /// The block's anchor (`run-<id>`), so the links of its values still land on it.
    public let anchor: String?
    public let caption: String?
    /// `id (hash prefix)` of each run missing, comma-separated.
    public let missing: String

    init(title: String, anchor: String?, caption: String?, missing: [PlannedRun]) {
        self.title = title
        self.anchor = anchor
        self.caption = caption
        self.missing = RunNotTrained(missing).runs.joined(separator: ", ")
    }
}
