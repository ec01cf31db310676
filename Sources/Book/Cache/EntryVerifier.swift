import Foundation
import GAN

/// Checks one cache entry before anything shows it. `quick` is what every build does (the files
/// are real files inside the entry, config.json hashes to the folder name, every file is whole
/// and well formed, PNG headers are sane); `full` also decodes every PNG (`ganbook runs`).
struct EntryVerifier {
    enum Depth { case quick, full }

    let folder: URL
    let hash: String
    let depth: Depth

    static let requiredFiles = [RunEntryLayout.config, RunEntryLayout.metrics, RunEntryLayout.evaluation,
                                RunEntryLayout.provenance, RunEntryLayout.finalGrid, RunEntryLayout.evaluationCurves]

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The entry, read; any problem is a `BookError` naming the damaged file.
    func verify() throws -> RunEntry {
        switch FileKind.of(folder.path) {
        case .directory: break
        case .symlink:
            throw BookError(file: folder.path, message: "is a symbolic link; a cache entry must be a folder inside the cache")
        case .missing:
            throw BookError(file: folder.path, message: "run cache entry not found", hint: "build without --frozen to train it")
        default:
            throw BookError(file: folder.path, message: "is not a folder")
        }
        let files = try checkedFiles()
        for name in EntryVerifier.requiredFiles where !files.contains(name) {
            throw BookError(file: file(name).path, message: "missing: the entry is incomplete")
        }
        let config = try checkConfigHash()
        let metrics = try checkMetricsIsWhole()
        let evaluation = try checkEvaluationKeys(config)
        try checkMetricsReachTheEnd(metrics, config: config, diverged: evaluation[Evaluation.divergedAtIteration] != nil)
        for name in expectedFiles(config, metrics: metrics, evaluation: evaluation).sorted() where !files.contains(name) {
            throw BookError(file: file(name).path, message: "missing: the entry is incomplete")
        }
        try ProvenanceBounds.check(try JSONValue.loadObject(from: file(RunEntryLayout.provenance)),
                                   file: file(RunEntryLayout.provenance).path)
        for name in files.sorted() where name.hasSuffix(".png") {
            let data = depth == .full ? try read(name) : try ends(name)
            _ = try PNGHeader.check(data, file: file(name).path)
            if depth == .full { _ = try PNGImage.decode(data, file: file(name).path) }
        }
        return try RunEntry.load(from: folder)
    }

    /// Relative paths of the entry's regular files; a link, device or FIFO in it is damage (a link
    /// could publish a file from anywhere, a FIFO would hang the reader).
    func checkedFiles() throws -> Set<String> {
        var found = Set<String>()
        var pending = [""]
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
                throw FileProblem.error(url.path, "list folder", error)
            }
            for name in names {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch FileKind.of(file(path).path) {
                case .regular:
                    var info = stat()
                    if lstat(file(path).path, &info) == 0, Int(info.st_size) > EntryVerifier.maximumFileBytes {
                        throw BookError(file: file(path).path, message: "is \(info.st_size) bytes, far more than a cache file can be")
                    }
                    found.insert(path)
                case .directory: pending.append(path)
                case .symlink:
                    throw BookError(file: file(path).path, message: "is a symbolic link; cache entries hold only regular files")
                default:
                    throw BookError(file: file(path).path, message: "is not a regular file")
                }
            }
        }
        return found
    }

    /// No file of an entry comes near this; a larger one is not ours, and is not read.
    static let maximumFileBytes = 256 << 20

    /// The first and last bytes of a file (all of it when small): what the PNG header check reads.
    func ends(_ name: String) throws -> Data {
        let url = file(name)
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch { throw FileProblem.error(url.path, "read file", error) }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if size <= 4096 { try handle.seek(toOffset: 0); return try handle.readToEnd() ?? Data() }
            try handle.seek(toOffset: 0)
            var data = try handle.read(upToCount: 64) ?? Data()
            try handle.seek(toOffset: size - UInt64(PNGHeader.end.count))
            data += try handle.readToEnd() ?? Data()
            return data
        } catch {
            throw FileProblem.error(url.path, "read file", error)
        }
    }

    func read(_ name: String) throws -> Data {
        do { return try Data(contentsOf: file(name)) } catch {
            throw FileProblem.error(file(name).path, "read file", error)
        }
    }

    /// The files training writes for this run: besides the required ones, the evolution strip,
    /// a snapshot for each iteration of its schedule (up to the divergence, for a run that
    /// diverged), the points of a 2-D run and the latent grid of an image run with z_dim 2.
    func expectedFiles(_ config: RunConfig, metrics: MetricsTable, evaluation: [String: JSONValue]) -> Set<String> {
        var names = Set(EntryVerifier.requiredFiles + [RunEntryLayout.filmstrip])
        if !config.dataset.isImage { names.formUnion([RunEntryLayout.points, RunEntryLayout.planeViews]) }
        guard let last = metrics.column(MetricColumn.iteration)?.last, last.isFinite, last >= 1, last <= 1e9 else { return names }
        let lastIteration = Int(last)
        var iterations: Set<Int> = [lastIteration]
        if evaluation[Evaluation.divergedAtIteration] == nil {
            iterations.formUnion(Trainer.snapshotIterations(total: lastIteration, count: config.snapshots))
        } else if case .iterations(let total) = config.length {
            iterations.formUnion(Trainer.snapshotIterations(total: total, count: config.snapshots).filter { $0 < lastIteration })
        }
        for iteration in iterations { names.insert(RunEntryLayout.snapshot(iteration: iteration)) }
        // Image runs: the latent grid at every snapshot, the strip of them, and the last one.
        if config.dataset.isImage {
            names.formUnion([RunEntryLayout.latentGrid, RunEntryLayout.latentFilmstrip])
            for iteration in iterations { names.insert(RunEntryLayout.latent(iteration: iteration)) }
        }
        return names
    }

    /// A run of a fixed length logs its last iteration: metrics.csv cut at a row's end stops before.
    func checkMetricsReachTheEnd(_ metrics: MetricsTable, config: RunConfig, diverged: Bool) throws {
        guard !diverged, case .iterations(let total) = config.length,
              let last = metrics.column(MetricColumn.iteration)?.last else { return }
        if last != Double(total) {
            throw BookError(file: file(RunEntryLayout.metrics).path,
                            message: "cut short: its last row is iteration \(ValueText.plain(last)), but the run has \(total) iterations")
        }
    }

    /// eval.json holds the numbers every run's evaluation writes (and, for 2-D data, the mixture's).
    func checkEvaluationKeys(_ config: RunConfig) throws -> [String: JSONValue] {
        let url = file(RunEntryLayout.evaluation)
        let values = try JSONValue.loadObject(from: url)
        var required = EvaluationKey.discriminatorKeys
        required += config.dataset.isImage ? EvaluationKey.classifierKeys + [EvaluationKey.latentChurn] : EvaluationKey.mixtureKeys
        for key in required where values[key] == nil {
            throw BookError(file: url.path, message: "has no \"\(key)\": the evaluation is incomplete")
        }
        // The iteration a diverged run stopped at is a step of the run, shown on its page.
        if let diverged = values[Evaluation.divergedAtIteration] {
            let limit = Double(config.plannedIterations)
            guard case .number(let step) = diverged, step >= 1, step <= limit, step == step.rounded() else {
                throw BookError(file: url.path, message: "\"\(Evaluation.divergedAtIteration)\" is not an iteration of the run "
                                + "(a whole number from 1 to \(config.plannedIterations))")
            }
        }
        return values
    }

    func checkConfigHash() throws -> RunConfig {
        let url = file(RunEntryLayout.config)
        let text = String(decoding: try read(RunEntryLayout.config), as: UTF8.self)
        let config: RunConfig
        // Trained already: not judged again against this machine or today's bounds.
        do { config = try RunConfig.decode(yaml: text, file: url.path, feasibility: false) } catch {
            throw BookError(file: url.path, message: "not a valid run configuration (\(error))")
        }
        if config.runHash != hash {
            throw BookError(file: url.path, message: "hashes to \(config.runHash.prefix(12)), not to its folder name "
                            + "\(hash.prefix(12)): the file was changed after training")
        }
        return config
    }

    /// A file cut anywhere lacks its final newline; one cut after the header has no rows.
    func checkMetricsIsWhole() throws -> MetricsTable {
        let url = file(RunEntryLayout.metrics)
        let data = try read(RunEntryLayout.metrics)
        guard data.last == UInt8(ascii: "\n") else {
            throw BookError(file: url.path, message: "cut short (the last line is not complete)")
        }
        let table = try MetricsTable.parse(String(decoding: data, as: UTF8.self), file: url.path)
        guard table.hasColumn(MetricColumn.iteration) else {
            throw BookError(file: url.path, line: 1, message: "the header has no \(MetricColumn.iteration) column")
        }
        guard table.rowCount > 0 else {
            throw BookError(file: url.path, message: "has a header but no rows")
        }
        for column in MetricsLog.columns where !table.hasColumn(column) {
            throw BookError(file: url.path, line: 1, message: "the header has no \(column) column",
                            hint: "metrics.csv has the columns \(MetricsLog.columns.joined(separator: ", "))")
        }
        return table
    }
}
