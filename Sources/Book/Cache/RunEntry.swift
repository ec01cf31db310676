import Foundation
import GAN

/// The files of one cache entry `site/runs/<hash>/`, read and checked. Every required file must
/// be present and well formed; a problem is a `BookError` naming the file.
public struct RunEntry: Sendable {
    /// Run hash: the entry folder's name.
    public let hash: String
    public let folder: URL
    /// `config.json` exactly as stored (pretty-printed, keys sorted).
    public let configJSON: String
    public let metrics: MetricsTable
    /// `eval.json`: metric name → value (null stored as NaN).
    public let evaluation: [String: Double]
    /// Iterations of the `samples/step-<iteration>.png` snapshots, ascending.
    public let snapshotIterations: [Int]
    public let hasFilmstrip: Bool
    public let hasLatentGrid: Bool
    /// Whether the snapshots are GAN Lab's layered pictures (2-D runs with `samples/planes.json`).
    public let hasPlaneViews: Bool
    /// Iterations of the `samples/latent-<iteration>.png` latent grids (image runs), ascending.
    public let latentIterations: [Int]
    public let hasLatentFilmstrip: Bool
    /// `evaluation.csv`: the evaluation at every snapshot, when present.
    public let evaluationCurves: MetricsTable?
    /// `samples/points.csv` for 2-D runs, when present.
    public let points: MetricsTable?
    let config: [String: JSONValue]
    let provenance: [String: JSONValue]

    public static func load(from folder: URL) throws -> RunEntry {
        let files = FileManager.default
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        func exists(_ name: String) -> Bool { files.fileExists(atPath: file(name).path) }
        guard files.fileExists(atPath: folder.path) else {
            throw BookError(file: folder.path, message: "run cache entry not found",
                            hint: "build without --frozen to train it")
        }
        let configURL = file(RunEntryLayout.config)
        let config = try JSONValue.loadObject(from: configURL)
        let configText = String(decoding: (try? Data(contentsOf: configURL)) ?? Data(), as: UTF8.self)
        let provenance = try JSONValue.loadObject(from: file(RunEntryLayout.provenance))
        for key in RunProvenanceKey.required where provenance[key]?.number == nil {
            throw BookError(file: file(RunEntryLayout.provenance).path, message: "missing number \"\(key)\"",
                            hint: "run.json needs \(RunProvenanceKey.required.joined(separator: ", "))")
        }
        guard exists(RunEntryLayout.finalGrid) else {
            throw BookError(file: file(RunEntryLayout.finalGrid).path, message: "final sample grid missing",
                            hint: "the run's cache entry is incomplete; delete its folder to train it again")
        }
        return RunEntry(
            hash: folder.lastPathComponent,
            folder: folder,
            configJSON: configText.trimmingCharacters(in: .newlines),
            metrics: try MetricsTable.load(from: file(RunEntryLayout.metrics)),
            evaluation: try loadEvaluation(file(RunEntryLayout.evaluation)),
            snapshotIterations: numbered(RunEntryLayout.snapshotPrefix, in: file(RunEntryLayout.samples)),
            hasFilmstrip: exists(RunEntryLayout.filmstrip),
            hasLatentGrid: exists(RunEntryLayout.latentGrid),
            hasPlaneViews: exists(RunEntryLayout.planeViews),
            latentIterations: numbered(RunEntryLayout.latentPrefix, in: file(RunEntryLayout.samples)),
            hasLatentFilmstrip: exists(RunEntryLayout.latentFilmstrip),
            evaluationCurves: exists(RunEntryLayout.evaluationCurves)
                ? try MetricsTable.load(from: file(RunEntryLayout.evaluationCurves)) : nil,
            points: exists(RunEntryLayout.points) ? try MetricsTable.load(from: file(RunEntryLayout.points)) : nil,
            config: config,
            provenance: provenance)
    }

    public var wallSeconds: Double { provenance[RunProvenanceKey.wallSeconds]?.number ?? .nan }
    public var imagesPerSecond: Double { provenance[RunProvenanceKey.imagesPerSecond]?.number ?? .nan }
    public var threads: Int { Int(provenance[RunProvenanceKey.threads]?.number ?? 0) }

    /// A string from run.json under the first of `keys` present.
    func provenanceText(_ keys: [String]) -> String? {
        keys.lazy.compactMap { self.provenance[$0]?.displayText }.first
    }

    /// Every run.json entry as (key, display text), sorted by key.
    var provenanceEntries: [(key: String, value: String)] {
        provenance.keys.sorted().map { (key: $0, value: provenance[$0]!.displayText) }
    }

    /// A top-level config value as display text, e.g. `dataset`.
    /// The config's dataset name: `dataset` is a name for images, `{name, radius|spacing, std}` for mixtures.
    var datasetName: String? {
        if case .object(let members)? = config["dataset"] { return members["name"]?.string }
        return config["dataset"]?.string
    }

    /// The mixture of a 2-D run, with the geometry its config.json records.
    var mixture: GaussianMixture? {
        (try? RunConfig.decode(yaml: configJSON, file: "config.json", feasibility: false)).flatMap(GaussianMixture.of)
    }

    func configText(_ key: String) -> String? {
        config[key]?.displayText
    }

    func configNumber(_ key: String) -> Double? {
        config[key]?.number
    }

    private static func loadEvaluation(_ url: URL) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for (key, value) in try JSONValue.loadObject(from: url) {
            switch value {
            case .number(let number): values[key] = number
            case .null: values[key] = .nan
            default:
                throw BookError(file: url.path, message: "value of \"\(key)\" is not a number",
                                hint: "eval.json maps metric names to numbers")
            }
        }
        return values
    }

    /// Iterations N of the `<prefix>N.png` files in `samples`, ascending.
    private static func numbered(_ prefix: String, in samples: URL) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix(prefix), name.hasSuffix(RunEntryLayout.snapshotSuffix) else { return nil }
            return Int(name.dropFirst(prefix.count).dropLast(RunEntryLayout.snapshotSuffix.count))
        }.sorted()
    }

    /// A run's values of `metric` over training: metrics.csv's column, or else evaluation.csv's.
    public func curve(_ metric: String) -> MetricsTable? {
        if metrics.hasColumn(metric) { return metrics }
        if let curves = evaluationCurves, curves.hasColumn(metric) { return curves }
        return nil
    }
}
