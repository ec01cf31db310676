import Foundation

/// The runs a build would train, each with where it is written and its estimate: what
/// `ganbook plan` prints, and the list any other command (a dry run) can show.
///
/// Make one from the plan and the runs `BuildStages.verifyCache` found missing:
///
///     let listing = PlanListing(missing: missing, plan: plan, estimator: MeasuredRunTime(), threads: 2)
///     print(listing.text)   // or listing.json
struct PlanListing {
    struct Item: Equatable {
        var hash: String
        var page: String
        var line: Int
        var id: String
        var dataset: String
        var iterations: Int
        var estimate: RunEstimate
    }

    let items: [Item]
    /// Distinct runs of the notebook that are cached already.
    let cachedCount: Int
    /// Threads each run was estimated with (and trains with).
    let threads: Int
    let method: String

    init(items: [Item], cachedCount: Int, threads: Int, method: String) {
        self.items = items
        self.cachedCount = cachedCount
        self.threads = threads
        self.method = method
    }

    init(missing: [(run: PlannedRun, page: PlannedPage)], plan: SitePlan, estimator: RunTimeEstimating, threads: Int) {
        items = missing.map {
            Item(hash: $0.run.hash, page: $0.page.page.sourcePath, line: $0.run.line, id: $0.run.id,
                 dataset: $0.run.config.dataset.rawValue, iterations: $0.run.config.plannedIterations,
                 estimate: estimator.estimate($0.run.config, threads: threads))
        }
        cachedCount = plan.distinctRuns.count - missing.count
        self.threads = threads
        method = estimator.method
    }

    var totalSeconds: Double { items.reduce(0) { $0 + $1.estimate.seconds } }
    var longestSeconds: Double { items.map(\.estimate.seconds).max() ?? 0 }
    var largestMemoryBytes: Double { items.map(\.estimate.memoryBytes).max() ?? 0 }
    var hashes: [String] { items.map(\.hash) }

    /// A table, one run a line, with a summary line after it.
    var text: String {
        guard !items.isEmpty else {
            return "nothing to train: all \(cachedCount) run(s) of the notebook are cached"
        }
        let header = ["hash", "page:line", "id", "dataset", "iterations", "time", "memory"]
        let rows = items.map {
            [$0.hash, "\($0.page):\($0.line)", $0.id, $0.dataset, "\($0.iterations)",
             DurationText.format(seconds: $0.estimate.seconds), PlanListing.megabytes($0.estimate.memoryBytes)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        let lines = ([header] + rows).map { cells in
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return (lines + [
            "\(items.count) run(s) to train, \(cachedCount) cached; about \(DurationText.format(seconds: totalSeconds)) "
                + "one after another on \(threads) thread(s)",
            "(\(method))",
        ]).joined(separator: "\n")
    }

    /// The same as one JSON object, for tools.
    var json: String {
        let runs = items.map { item in
            "{" + [("hash", JSONText.string(item.hash)), ("page", JSONText.string(item.page)),
                   ("line", "\(item.line)"), ("id", JSONText.string(item.id)),
                   ("dataset", JSONText.string(item.dataset)), ("iterations", "\(item.iterations)"),
                   ("estimated_seconds", PlanListing.decimal(item.estimate.seconds)),
                   ("memory_bytes", JSONText.number(item.estimate.memoryBytes.rounded()))]
                .map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "{\n" + [
            "  \"cached\": \(cachedCount)",
            "  \"estimate\": \(JSONText.string(method))",
            "  \"runs\": [" + (runs.isEmpty ? "]" : "\n" + runs.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"),
            "  \"threads\": \(threads)",
            "  \"total_estimated_seconds\": \(PlanListing.decimal(totalSeconds))",
        ].joined(separator: ",\n") + "\n}"
    }

    /// Seconds to a tenth (a plan is an estimate).
    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    static func megabytes(_ bytes: Double) -> String { "\(Int((bytes / 1_048_576).rounded(.up))) MB" }
}
