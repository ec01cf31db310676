import Engine

/// Everything a finished run produced. The cache writes it to disk; nothing here is a weight.
public struct TrainingResult {
    public var metrics: MetricsLog
    /// Sample grids from fixed noise at evenly spaced iterations; the last is the final one.
    public var snapshots: [Snapshot]
    /// The last latent grid (image runs; see `LatentGrid`).
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
    /// The kernels that computed the run, its precision and the CPU.
    public var kernels: KernelProvenance
    /// The evaluation at every snapshot; its last row is the end of the run.
    public var evaluationTable = EvaluationTable()
    /// The latent grid at every evaluated iteration (image runs).
    public var latentFrames: [Snapshot] = []
    /// Wall time the evaluation took (snapshots and end), part of `wallSeconds`.
    public var evaluationSeconds: Double = 0
    /// The instrument that measured an image run.
    public var classifier: Classifier?
    /// GAN Lab's views of the plane at every snapshot (2-D runs only), in snapshot order.
    public var planeViews: [PlaneView] = []

    public var finalSnapshot: Snapshot { snapshots[snapshots.count - 1] }
}
