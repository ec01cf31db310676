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
