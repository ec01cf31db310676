import GAN

/// The runs a page's claims may name: each gan block's id, each sweep child `id[label]`, and a
/// sweep's id for all its children.
struct ClaimTargets {
    private(set) var runs: [String: [PlannedRun]] = [:]
    private(set) var sweeps: Set<String> = []
    /// The slugs of the notebook's pages (the index's aside), which notebook values may name.
    var pageSlugs: [String] = []
    /// The index lists pages and has no runs of its own.
    var isIndexPage = false

    mutating func add(_ run: PlannedRun) { runs[run.id] = [run] }

    mutating func add(_ sweep: PlannedSweep) {
        runs[sweep.id] = sweep.children
        sweeps.insert(sweep.id)
        for child in sweep.children { runs[child.id] = [child] }
    }

    var ids: [String] { runs.keys.sorted() }

    /// Every name a reference may use: metrics.csv columns, eval.json keys, the provenance timings
    /// and the classifier's calibration figures.
    static let declaredKeys: [String] = MetricsLog.columns + Evaluation.keys + ValueResolver.timingKeys
        + ValueResolver.calibrationKeys

    /// Names a window may read: metrics.csv columns, and the evaluation keys measured at every
    /// snapshot (evaluation.csv), such as `fcd@iteration(2811)` or `modes_covered@epoch(2)`.
    static let windowedKeys: Set<String> = Set(MetricsLog.columns + EvaluationKey.all.filter { $0 != EvaluationKey.divergedAtIteration })

    /// Checks a reference against the page and the declared names (before any training).
    func check(_ reference: ValueReference, file: String, line: Int, column: Int?, aggregated: Bool,
               inline: Bool) -> BookError? {
        func fail(_ message: String, hint: String = "") -> BookError {
            BookError(file: file, line: line, message: message, hint: hint, column: column.map { $0 + reference.offset })
        }
        if let scope = reference.scope { return check(scope, of: reference, fail: fail) }
        guard let run = reference.run else {
            return fail("\(reference.text): name the run, e.g. \(ids.first ?? "id").\(reference.key)",
                        hint: "ids on this page: \(ids.isEmpty ? "none" : ids.joined(separator: ", "))")
        }
        guard runs[run] != nil else {
            return fail("\(reference.text): no gan block on this page has id \(run)",
                        hint: ClosestName.hint(for: run, among: ids, allowed: "ids on this page"))
        }
        guard ClaimTargets.declaredKeys.contains(reference.key) else {
            return fail("\(reference.text): unknown key \(reference.key)",
                        hint: ClosestName.hint(for: reference.key, among: ClaimTargets.declaredKeys,
                                               allowed: "metrics.csv columns, eval.json keys, timings"))
        }
        if reference.window != .final && !ClaimTargets.windowedKeys.contains(reference.key) {
            return fail("\(reference.text): @\(reference.window.text) reads a metrics.csv or evaluation.csv column, and \(reference.key) is neither",
                        hint: "drop the window: \(reference.key) is one number per run")
        }
        if sweeps.contains(run) && !aggregated && !inline {
            return fail("\(reference.text): \(run) is a sweep of \(runs[run]!.count) runs",
                        hint: "write mean(\(reference.shown)), min, max or std, or name one child such as \(runs[run]![0].id)")
        }
        return nil
    }

    /// A notebook value names a page of the notebook; the index has no runs of its own to count.
    private func check(_ scope: NotebookScope, of reference: ValueReference, fail: (String, String) -> BookError) -> BookError? {
        switch scope {
        case .notebook: return nil
        case .page:
            guard isIndexPage else { return nil }
            return fail("\(reference.text): the index has no runs of its own",
                        "write \(reference.key)(*) for the whole notebook, or \(reference.key)(page-slug) for one page")
        case .otherPage(let slug):
            guard !pageSlugs.contains(slug) else { return nil }
            return fail("\(reference.text): no page has the slug \(slug)",
                        ClosestName.hint(for: slug, among: pageSlugs, allowed: "pages") + "; * is the whole notebook")
        }
    }
}
