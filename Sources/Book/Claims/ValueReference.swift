/// A reference to one cached number: `[run.]key[@window]` (and, inline, `[:format]`), e.g.
/// `mnist.d_fake@mean(0.5..1)`. `run` is a gan block's id, a child of a sweep (`mbd[seed=2]`)
/// or a sweep's parent id (all its children); nil in an `expect:` (the block's own run).
/// A notebook value (`training_time(*)`) has a `scope` instead.
struct ValueReference: Equatable {
    var run: String?
    let key: String
    let window: ValueWindow
    var format: ValueFormat = .automatic
    /// The reference as written, for messages.
    let text: String
    /// 0-based offset of the reference in the text it was parsed from (for error columns).
    let offset: Int
    /// Set for a notebook value (`training_time`, `run_count(slug)`, `training_time(*)`): `key`
    /// is then the measure, and `run` plays no part.
    var scope: NotebookScope? = nil

    var measure: NotebookMeasure? { scope == nil ? nil : NotebookMeasure(rawValue: key) }

    /// The reference as a claim shows it, with the run named.
    var shown: String {
        if let scope { return key + scope.suffix }
        return (run.map { "\($0)." } ?? "") + key + (window == .final ? "" : "@" + window.text)
    }
}
