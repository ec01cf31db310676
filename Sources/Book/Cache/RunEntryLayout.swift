/// File names inside a cache entry `site/runs/<hash>/` (see the project's interface notes).
enum RunEntryLayout {
    static let config = "config.json"
    static let metrics = "metrics.csv"
    static let evaluation = "eval.json"
    static let provenance = "run.json"
    static let samples = "samples"
    static let finalGrid = "samples/final.png"
    static let filmstrip = "samples/evolution.png"
    static let latentGrid = "latent.png"
    /// The evaluation at every snapshot (`EvaluationTable`); its last row is eval.json's numbers.
    static let evaluationCurves = "evaluation.csv"
    /// Image runs: the latent grid at every snapshot, and all of them in one strip.
    static let latentPrefix = "latent-"
    static let latentFilmstrip = "samples/latent-evolution.png"
    /// Optional, 2-D runs only: generated points as `x,y` rows (an optional `real` column set
    /// to 1 marks mode centres; without it they come from the dataset's mixture).
    static let points = "samples/points.csv"
    /// 2-D runs: GAN Lab's views at every snapshot as numbers (`PlaneViewsJSON`).
    static let planeViews = "samples/planes.json"
    static let snapshotPrefix = "step-"
    static let snapshotSuffix = ".png"

    static func latent(iteration: Int) -> String {
        "\(samples)/\(latentPrefix)\(iteration)\(snapshotSuffix)"
    }

    static func snapshot(iteration: Int) -> String {
        "\(samples)/\(snapshotPrefix)\(iteration)\(snapshotSuffix)"
    }
}
