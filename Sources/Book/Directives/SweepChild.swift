import GAN

/// One run of a `seeds:`/`sweep:` block: its label (`seed=2`, `dropout=0.4,seed=2`) and configuration.
struct SweepChild {
    /// The values that make this child, in the order the label names them.
    let settings: [(key: String, value: String)]
    let config: RunConfig

    var label: String { settings.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
}
