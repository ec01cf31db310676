import Foundation
import GAN

/// Builds the view of one ```gan directive from its run's cache entry.
public struct ExperimentViewBuilder: Sendable {
    /// Relative path from the page to the cache folder `site/runs/`, ending in "/".
    public var runsPath: String
    /// Moving-average weight of the chart lines.
    public var smoothing: Double

    public init(runsPath: String = "runs/", smoothing: Double = 0.9) {
        precondition(runsPath.isEmpty || runsPath.hasSuffix("/"), "runsPath must end in /: \(runsPath)")
        self.runsPath = runsPath
        self.smoothing = smoothing
    }

    /// Reads the entry in `folder` (named by the run hash) and builds the view.
    public func build(runID: String, caption: String?, folder: URL) throws -> ExperimentView {
        try build(runID: runID, caption: caption, entry: RunEntry.load(from: folder))
    }

    public func build(runID: String, caption: String?, entry: RunEntry) throws -> ExperimentView {
        let base = runsPath + entry.hash + "/"
        let metrics = entry.metrics
        let equilibrium = Equilibrium(entry)
        return ExperimentView(
            runID: runID,
            caption: caption,
            hash: entry.hash,
            lossChartSVG: RunCharts.losses(metrics, smoothing: smoothing, equilibrium: equilibrium).svg(),
            discriminatorChartSVG: RunCharts.discriminatorOutputs(metrics, smoothing: smoothing, equilibrium: equilibrium).svg(),
            gradientChartSVG: RunCharts.gradientNorms(metrics, smoothing: smoothing).svg(),
            finalGridPath: base + RunEntryLayout.finalGrid,
            evolutionFrames: entry.snapshotIterations.map {
                EvolutionFrame(iteration: $0, path: base + RunEntryLayout.snapshot(iteration: $0))
            },
            filmstripPath: entry.hasFilmstrip ? base + RunEntryLayout.filmstrip : nil,
            latentGridPath: entry.hasLatentGrid ? base + RunEntryLayout.latentGrid : nil,
            scatterSVG: try scatter(entry)?.svg(),
            evalMetrics: evalMetrics(entry),
            provenance: provenance(entry),
            runFiles: ([RunEntryLayout.config, RunEntryLayout.metrics, RunEntryLayout.evaluation]
                       + (entry.evaluationCurves == nil ? [] : [RunEntryLayout.evaluationCurves])).map {
                RunFileLink(name: $0, href: base + $0)
            },
            divergedAtIteration: entry.evaluation[Evaluation.divergedAtIteration].map(ValueText.plain),
            planeLegend: entry.hasPlaneViews ? Self.planeLegend : nil,
            lossNote: entry.configText("loss").flatMap(LossKind.init(rawValue:)).flatMap(Self.lossNote),
            latentFrames: entry.latentIterations.map {
                EvolutionFrame(iteration: $0, path: base + RunEntryLayout.latent(iteration: $0))
            },
            latentFilmstripPath: entry.hasLatentFilmstrip ? base + RunEntryLayout.latentFilmstrip : nil,
            evaluationCharts: entry.evaluationCurves.map {
                RunCharts.evaluation($0).map { EvaluationChart(title: $0.title, svg: $0.chart.svg()) }
            } ?? [],
            calibration: calibration(entry),
            // 2-D runs log coordinates, not pixels; their planes already show where samples lie.
            pixelChartSVG: entry.hasPlaneViews ? nil : RunCharts.pixelStatistics(metrics, smoothing: smoothing)?.svg())
    }

    /// GAN Lab's layers (Kahng et al. 2018), as `PlanePicture` draws them.
    static let planeLegend = "Each frame shows GAN Lab's layers in one frame: D's decision surface σ(D(x)) behind "
        + "everything (green where D says real, purple where it says generated, white at 0.5, in bands of 0.05); "
        + "real samples as green crosses, generated samples as purple dots, mode centres as black rings; "
        + "arrows on 64 generated samples pointing along −∇ₓL_G, where G's loss moves them (longest = largest); "
        + "for z_dim 2, G's image of a regular 11 × 11 grid over [−2.5, 2.5]² of z as a grey mesh. Generated points "
        + "outside the frame are drawn in red on its edge and counted top left."

    /// Losses later than Goodfellow et al. (2014) are labelled as such.
    static func lossNote(_ loss: LossKind) -> String? {
        switch loss {
        case .leastSquares:
            return "Loss: least squares (LSGAN, Mao et al. 2017), later than the original GAN paper."
        case .hinge:
            return "Loss: hinge (Lim & Ye 2017; Miyato et al. 2018), later than the original GAN paper."
        case .nonSaturating, .minimax:
            return nil
        }
    }

    /// eval.json's numbers by key; the ten class shares as one row.
    func evalMetrics(_ entry: RunEntry) -> [NamedValue] {
        var rows = entry.evaluation.keys.sorted().filter { !EvaluationKey.classHistKeys.contains($0) }.map {
            NamedValue(name: $0, value: ValueText.format(entry.evaluation[$0]))
        }
        let shares = EvaluationKey.classHistKeys.compactMap { entry.evaluation[$0] }
        if shares.count == EvaluationKey.classHistKeys.count {
            rows.append(NamedValue(name: "class_hist (0–9)", value: shares.map { String(format: "%.2f", $0) }.joined(separator: " ")))
        }
        return rows
    }

    /// The classifier's figures on reference samples, stored in run.json when it was trained.
    func calibration(_ entry: RunEntry) -> [CalibrationRow] {
        Calibration.measuredKeys.compactMap { key in
            func reference(_ name: String) -> String? {
                entry.provenance["calibration_\(name)_\(key)"]?.number.map { ValueText.format($0) }
            }
            guard let run = entry.evaluation[key], let realTrain = reference(Calibration.realTrain),
                  let oneClassRemoved = reference(Calibration.oneClassRemoved), let noise = reference(Calibration.noise)
            else { return nil }
            return CalibrationRow(metric: key, run: ValueText.format(run), realTrain: realTrain,
                                  oneClassRemoved: oneClassRemoved, noise: noise)
        }
    }

    /// Generated points over the real mode centres, for runs that stored `samples/points.csv`
    /// (`x,y` of generated points; an optional `real` column marks rows that are mode centres,
    /// otherwise the centres come from the mixture named by the config's `dataset`).
    func scatter(_ entry: RunEntry) throws -> ScatterPlot? {
        guard let points = entry.points else { return nil }
        guard let x = points.column("x"), let y = points.column("y") else {
            throw BookError(file: entry.folder.appendingPathComponent(RunEntryLayout.points).path, line: 1,
                            message: "expected columns x and y", hint: "an optional column real is 1 for mode centres")
        }
        let real = points.column("real") ?? [Double](repeating: 0, count: x.count)
        func subset(_ wanted: Bool) -> (x: [Double], y: [Double]) {
            let kept = real.indices.filter { (real[$0] != 0) == wanted }
            return (kept.map { x[$0] }, kept.map { y[$0] })
        }
        let generated = subset(false)
        var modes = subset(true)
        if modes.x.isEmpty, let mixture = entry.mixture {
            modes = (mixture.centers.map { $0.x }, mixture.centers.map { $0.y })
        }
        return ScatterPlot(title: "Generated samples and real modes", sets: [
            ScatterSet(name: "generated", x: generated.x, y: generated.y, marker: .dot),
            ScatterSet(name: "real modes", x: modes.x, y: modes.y, marker: .ring),
        ])
    }

    func provenance(_ entry: RunEntry) -> ProvenanceView {
        let commit = entry.provenanceText(RunProvenanceKey.commit).map { String($0.prefix(12)) }
        let version = [entry.provenanceText(RunProvenanceKey.version).map { "ganbook " + $0 }, commit,
                       entry.provenanceText(RunProvenanceKey.engine),
                       entry.provenanceText([RunProvenanceKey.precision])].compactMap { $0 }
        return ProvenanceView(
            configJSON: entry.configJSON,
            datasetIdentity: entry.provenanceText(RunProvenanceKey.datasetIdentity) ?? entry.datasetName ?? "unknown",
            datasetDigest: entry.provenanceText(RunProvenanceKey.datasetDigest) ?? "unknown",
            engineVersion: version.isEmpty ? "unknown" : version.joined(separator: " · "),
            wallTime: DurationText.format(seconds: entry.wallSeconds),
            imagesPerSecond: ValueText.plain(entry.imagesPerSecond.rounded()),
            threads: ExperimentViewBuilder.threadsText(entry.provenance[RunProvenanceKey.threads]?.number ?? 0),
            details: entry.provenanceEntries.map { NamedValue(name: $0.key, value: $0.value) })
    }
}

extension ExperimentViewBuilder {
    /// "1 thread", "2 threads".
    static func threadsText(_ count: Double) -> String {
        ValueText.plain(count) + (count == 1 ? " thread" : " threads")
    }
}
