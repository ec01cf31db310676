import Engine

/// `precision: fp32 | bf16` in a run's configuration.
extension Precision: ConfigChoice {}
