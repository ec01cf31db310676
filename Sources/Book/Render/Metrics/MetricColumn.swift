/// Column names of `metrics.csv` that the renderer knows by meaning.
public enum MetricColumn {
    public static let iteration = "iteration"
    public static let epoch = "epoch"
    public static let imagesSeen = "images_seen"
    public static let lossG = "loss_g"
    public static let lossDReal = "loss_d_real"
    public static let lossDFake = "loss_d_fake"
    /// Mean σ(D(x)) on real data.
    public static let dReal = "d_real"
    /// Mean σ(D(G(z))) on generated data.
    public static let dFake = "d_fake"
    public static let gradNormG = "grad_norm_g"
    public static let gradNormD = "grad_norm_d"
    public static let gradNormDLoss = "grad_norm_d_loss"
    /// Mean and standard deviation of the generated and of the real batch's values (pixels on
    /// the data's display scale, or coordinates for 2-D runs).
    public static let fakeMean = "fake_mean"
    public static let fakeStd = "fake_std"
    public static let realMean = "real_mean"
    public static let realStd = "real_std"
}
