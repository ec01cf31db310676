/// Every number the evaluation writes (eval.json, the per-snapshot table), named once: GAN
/// writes them, Book checks, tabulates and charts them by these names.
public enum EvaluationKey {
    // D's verdicts, on the evaluation sample (generated) and as many real training examples.
    public static let finalDReal = "final_d_real"
    public static let finalDFake = "final_d_fake"
    // Image runs, measured by the dataset's classifier.
    public static let fcd = "fcd"
    public static let classesCovered = "classes_covered"
    public static let classKL = "class_kl"
    public static let confident = "confident"
    public static let classifierScore = "classifier_score"
    /// `class_hist_0` … `class_hist_9`: the share of samples the classifier puts in each class.
    public static func classHist(_ k: Int) -> String { "class_hist_\(k)" }
    public static let classHistKeys = (0..<10).map(classHist)
    public static let latentChurn = "latent_churn"
    // 2-D mixtures.
    public static let modesCovered = "modes_covered"
    public static let modesCovered20 = "modes_covered_20"
    public static let modesTotal = "modes_total"
    public static let highQualityFraction = "high_quality_fraction"
    public static let reverseKL = "reverse_kl"
    /// The iteration at which a loss or statistic stopped being finite (diverged runs only).
    public static let divergedAtIteration = "diverged_at_iteration"

    public static let discriminatorKeys = [finalDFake, finalDReal]
    /// Measured by the classifier (image runs, when it is available).
    public static let classifierKeys = [fcd, classesCovered, classKL, confident, classifierScore] + classHistKeys
    public static let mixtureKeys = [modesCovered, modesCovered20, modesTotal, highQualityFraction, reverseKL]
    /// Every key eval.json may hold.
    public static let all = (discriminatorKeys + classifierKeys + [latentChurn] + mixtureKeys + [divergedAtIteration]).sorted()

    /// Columns of the per-snapshot table besides the metrics.
    public static let iteration = "iteration"
    public static let samples = "samples"
}
