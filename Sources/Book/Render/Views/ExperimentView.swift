/// What the `experiment` partial shows for one ```gan directive. Paths are relative to the page.
public struct ExperimentView: Sendable {
    /// The directive's `id`; also the HTML anchor `run-<id>`.
    public let runID: String
    public let anchor: String
    public let caption: String?
    /// The iteration at which the run diverged (eval.json `diverged_at_iteration`); nil for a run
    /// that trained to the end.
    public let divergedAtIteration: String?
    public let hash: String
    public let shortHash: String
    /// Inline SVG documents.
    public let lossChartSVG: String
    public let discriminatorChartSVG: String
    public let gradientChartSVG: String
    /// Generated against real pixel mean and std (image runs only).
    public let pixelChartSVG: String?
    public let finalGridPath: String
    public let evolutionFrames: [EvolutionFrame]
    /// Set by the initialiser: Mustache cannot ask whether a list is empty without repeating it.
    public let hasEvolution: Bool
    public let filmstripPath: String?
    public let latentGridPath: String?
    public let scatterSVG: String?
    public let evalMetrics: [NamedValue]
    public let hasEvalMetrics: Bool
    public let provenance: ProvenanceView
    /// The run folder's data files (config.json, metrics.csv, eval.json), linked under the block.
    public let runFiles: [RunFileLink]
    public let hasRunFiles: Bool
    /// For 2-D runs: what each layer of the snapshot pictures shows.
    public let planeLegend: String?
    /// For losses later than the original GAN paper: which paper, and that it is later.
    public let lossNote: String?
    /// The latent grid at every snapshot (image runs), for the evolution slider.
    public let latentFrames: [EvolutionFrame]
    public let hasLatentEvolution: Bool
    public let latentFilmstripPath: String?
    /// The evaluation over training (evaluation.csv), one chart per group of metrics.
    public let evaluationCharts: [EvaluationChart]
    /// The run's classifier metrics beside the classifier's reference figures (image runs).
    public let calibration: [CalibrationRow]
    public let hasCalibration: Bool

    public init(runID: String, caption: String?, hash: String, lossChartSVG: String, discriminatorChartSVG: String,
                gradientChartSVG: String, finalGridPath: String, evolutionFrames: [EvolutionFrame],
                filmstripPath: String?, latentGridPath: String?, scatterSVG: String?, evalMetrics: [NamedValue],
                provenance: ProvenanceView, runFiles: [RunFileLink] = [], divergedAtIteration: String? = nil,
                planeLegend: String? = nil, lossNote: String? = nil,
                latentFrames: [EvolutionFrame] = [], latentFilmstripPath: String? = nil,
                evaluationCharts: [EvaluationChart] = [], calibration: [CalibrationRow] = [],
                pixelChartSVG: String? = nil) {
        self.runID = runID
        self.anchor = "run-" + runID
        self.caption = caption
        self.divergedAtIteration = divergedAtIteration
        self.hash = hash
        self.shortHash = String(hash.prefix(12))
        self.lossChartSVG = lossChartSVG
        self.discriminatorChartSVG = discriminatorChartSVG
        self.gradientChartSVG = gradientChartSVG
        self.pixelChartSVG = pixelChartSVG
        self.finalGridPath = finalGridPath
        self.evolutionFrames = evolutionFrames
        self.hasEvolution = !evolutionFrames.isEmpty
        self.filmstripPath = filmstripPath
        self.latentGridPath = latentGridPath
        self.scatterSVG = scatterSVG
        self.evalMetrics = evalMetrics
        self.hasEvalMetrics = !evalMetrics.isEmpty
        self.provenance = provenance
        self.runFiles = runFiles
        self.hasRunFiles = !runFiles.isEmpty
        self.planeLegend = planeLegend
        self.lossNote = lossNote
        self.latentFrames = latentFrames
        self.hasLatentEvolution = !latentFrames.isEmpty
        self.latentFilmstripPath = latentFilmstripPath
        self.evaluationCharts = evaluationCharts
        self.calibration = calibration
        self.hasCalibration = !calibration.isEmpty
    }
}
