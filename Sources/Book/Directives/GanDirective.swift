import GAN

/// A ```gan block decoded: the keys that only change how the run is shown and checked (never
/// hashed), and the hashed `RunConfig` of each run it stands for.
struct GanDirective {
    /// `id`: unique within a page; other blocks and inline values refer to the run by it.
    let id: String?
    /// `caption`: text shown under the run.
    let caption: String?
    /// `expect`: conditions on the run's own results.
    let expectations: [WrittenExpectation]
    /// The run as written (for a sweep: before expansion; the configuration of its first child).
    let config: RunConfig
    /// One run per seed and swept value; empty when the block is a single run.
    let children: [SweepChild]

    /// The keys Book reads itself; GAN's decoder accepts and skips them.
    static let keys = ["id", "caption", "expect", "seeds", "sweep"]
}

/// One `expect:` entry as written: a value reference (without the run id) and its condition.
struct WrittenExpectation {
    let reference: String
    let condition: String
    let line: Int
    let column: Int?
    /// Where the condition's text starts, for errors inside it.
    let conditionLine: Int
    let conditionColumn: Int?
}

/// One run of a `seeds:`/`sweep:` block: its label (`seed=2`, `dropout=0.4,seed=2`) and configuration.
struct SweepChild {
    /// The values that make this child, in the order the label names them.
    let settings: [(key: String, value: String)]
    let config: RunConfig

    var label: String { settings.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
}
