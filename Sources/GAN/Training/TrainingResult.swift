/// Everything a finished run produced. The cache writes it to disk; nothing here is a weight.
public struct TrainingResult {
    public var metrics: MetricsLog
    /// Sample grids from fixed noise at evenly spaced iterations; the last is the final one.
    public var snapshots: [Snapshot]
    /// Images decoded from a grid over the latent plane (only when z_dim is 2 and data are images).
    public var latentGrid: Snapshot?
    /// Real examples drawn once from the data, for side-by-side display and evaluation.
    public var realSample: Snapshot
    public var evaluation: [String: Double]
    public var iterations: Int
    public var wallSeconds: Double
    public var imagesPerSecond: Double
    public var threads: Int
    /// The BLAS kernel that ran (e.g. "SkylakeX").
    public var blasCore: String
    /// GAN Lab's views of the plane at every snapshot (2-D runs only), in snapshot order.
    public var planeViews: [PlaneView] = []

    public var finalSnapshot: Snapshot { snapshots[snapshots.count - 1] }
}
