import Foundation
import GAN

/// Reads the numbers references name from verified cache entries (`RunCache.load`), checking
/// each name against what the entry actually holds, since evaluation keys change over time.
struct ValueResolver {
    let targets: ClaimTargets
    /// A verified entry by run hash.
    let entry: (String) throws -> RunEntry
    /// Hashes of runs this build has no entry for and goes on without: reading one throws `RunNotTrained`.
    var untrained: Set<String> = []
    /// Every page's runs, for the notebook values.
    var notebook = NotebookRuns()

    static let wallSeconds = "wall_seconds"
    static let imagesPerSecond = "images_per_second"
    static let timingKeys = [wallSeconds, imagesPerSecond]
    /// The classifier's figures on reference samples (run.json): `calibration_real_train_fcd`,
    /// `calibration_noise_classes_covered`, … and the classifier's test accuracy.
    static let calibrationKeys = Calibration.references.flatMap { reference in
        Calibration.measuredKeys.map { "calibration_\(reference)_\($0)" }
    } + ["classifier_test_accuracy"]

    /// One value per run the reference names (each child of a sweep).
    func values(_ reference: ValueReference, file: String, line: Int, column: Int?) throws -> [(run: PlannedRun, value: Double)] {
        let runs = reference.run.flatMap { targets.runs[$0] } ?? []
        try requireTrained(runs)
        return try runs.map { run in
            (run, try value(reference, in: try entry(run.hash), runID: run.id, file: file, line: line, column: column))
        }
    }

    /// A notebook value (`training_time(*)`, `run_count(slug)`) and the runs it counts, each once.
    func notebookValue(_ reference: ValueReference) throws -> (value: Double, runs: [PlannedRun]) {
        guard let scope = reference.scope, let measure = reference.measure else {
            preconditionFailure("\(reference.text) is not a notebook value")
        }
        let runs = notebook.runs(scope)
        switch measure {
        case .runCount:
            return (Double(runs.count), runs)  // known from the pages: no run need be trained
        case .trainingTime:
            try requireTrained(runs)
            return (try runs.reduce(0) { $0 + (try entry($1.hash)).wallSeconds }, runs)
        }
    }

    /// Throws `RunNotTrained` naming those of `runs` without an entry in this build.
    func requireTrained(_ runs: [PlannedRun]) throws {
        let missing = runs.filter { untrained.contains($0.hash) }
        if !missing.isEmpty { throw RunNotTrained(missing) }
    }

    func value(_ reference: ValueReference, in entry: RunEntry, runID: String, file: String, line: Int, column: Int?) throws -> Double {
        func fail(_ message: String, hint: String) -> BookError {
            BookError(file: file, line: line, message: "\(reference.text): \(message) (run \(runID), \(entry.hash.prefix(12)))",
                      hint: hint, column: column)
        }
        let key = reference.key
        if reference.window == .final {
            if key == ValueResolver.wallSeconds { return entry.wallSeconds }
            if key == ValueResolver.imagesPerSecond { return entry.imagesPerSecond }
            if let value = entry.evaluation[key] { return value }
            if ValueResolver.calibrationKeys.contains(key) {
                guard let value = entry.provenance[key]?.number else {
                    throw fail("the run's run.json holds no \(key)", hint: "only image runs measured by the classifier have it")
                }
                return value
            }
        }
        // A per-snapshot evaluation key with a window reads evaluation.csv, one row per snapshot.
        let curves = entry.evaluationCurves.flatMap { $0.hasColumn(key) && !entry.metrics.hasColumn(key) ? $0 : nil }
        let table = reference.window == .final ? entry.metrics : curves ?? entry.metrics
        guard let column = table.column(key), let iterations = table.column("iteration"), !column.isEmpty else {
            let names = entry.evaluation.keys.sorted() + entry.metrics.columnNames + ValueResolver.timingKeys
                + ValueResolver.calibrationKeys
            return try { throw fail(reference.window == .final ? "the run's eval.json and metrics.csv hold no \(key)"
                                        : "the run's metrics.csv and evaluation.csv have no column \(key)",
                                    hint: ClosestName.hint(for: key, among: names, allowed: "this run's values")) }()
        }
        let total = iterations.last ?? 0
        switch reference.window {
        case .final, .last:
            return column.last!
        case .mean(let a, let b), .min(let a, let b), .max(let a, let b):
            let chosen = zip(iterations, column).filter { total > 0 && $0.0 / total >= a - 1e-12 && $0.0 / total <= b + 1e-12 }.map(\.1)
            guard !chosen.isEmpty else {
                throw fail("no logged row lies in \(NumberFormatting.plain(a))..\(NumberFormatting.plain(b)) of training",
                           hint: "widen the range: the run logs \(column.count) rows")
            }
            switch reference.window {
            case .mean: return ClaimAggregate.mean.apply(chosen)
            case .min: return chosen.min()!
            default: return chosen.max()!
            }
        case .epoch(let epoch):
            guard let perEpoch = entry.metrics.iterationsPerEpoch else {
                throw fail("the run counts no epochs", hint: "use @iteration(n) or a fraction such as @mean(0.9..1)")
            }
            return try row(at: epoch * perEpoch, iterations, column, fail: fail)
        case .iteration(let iteration):
            return try row(at: iteration, iterations, column, fail: fail)
        }
    }

    /// The value of the last row logged at or before `iteration` (rounding error allowed).
    private func row(at iteration: Double, _ iterations: [Double], _ column: [Double],
                     fail: (String, String) -> BookError) throws -> Double {
        guard let index = iterations.lastIndex(where: { $0 <= iteration + 1e-6 }) else {
            throw fail("no row is logged by iteration \(NumberFormatting.plain(iteration.rounded()))",
                       "the first row is at iteration \(NumberFormatting.plain(iterations.first ?? 0))")
        }
        guard iteration <= (iterations.last ?? 0) + 1e-6 else {
            throw fail("the run ends at iteration \(NumberFormatting.plain(iterations.last ?? 0)), before \(NumberFormatting.plain(iteration.rounded()))",
                       "ask for a point within training")
        }
        return column[index]
    }
}
