import Diagnostics
import Foundation
import Yams

/// The body of a ```gan-compare or ```gan-table directive: which runs of the page to show and how.
/// These are display only: they never train anything.
struct DisplayDirective {
    enum Kind { case compare, table }

    let kind: Kind
    /// Run ids on the same page; empty in a table means every run of the page.
    var runs: [String] = []
    /// gan-compare: the metrics.csv column to overlay.
    var metric = ""
    /// gan-table: columns (metrics, eval keys, wall_seconds, images_per_second); empty = defaults.
    var columns: [String] = []
    var title: String?
    /// gan-compare: EMA smoothing of the overlaid lines, 0 ≤ s < 1.
    var smoothing = 0.9
    /// File line of the directive body's first line, for errors raised when rendering.
    let line: Int
    /// File lines of the entries of `runs`, `columns` and of `metric`, so a reference error
    /// points at the name that is wrong rather than at the top of the block.
    var runLines: [Int] = []
    var columnLines: [Int] = []
    var metricLine: Int?

    static let compareKeys = ["runs", "metric", "title", "smooth"]
    static let tableKeys = ["runs", "columns", "title"]

    /// Reads the directive's YAML through the bounded reader (so keys written twice and YAML
    /// errors read as in a gan block: one line, page:line) and reports every problem at once.
    /// - Throws: `BookError`, the first problem carrying the others in `more`.
    static func decode(kind: Kind, yaml: String, file: String, firstLine: Int) throws -> DisplayDirective {
        var directive = DisplayDirective(kind: kind, line: firstLine)
        let allowed = kind == .compare ? compareKeys : tableKeys
        let name = kind == .compare ? "gan-compare" : "gan-table"
        let reader = YAMLReader(file: file, firstLine: firstLine)
        func fileLine(_ node: Node?) -> Int { reader.fileLine(node?.mark) ?? firstLine }
        func fail(_ node: Node?, _ message: String, hint: String = "") -> BookError {
            BookError(file: file, line: fileLine(node), message: message, hint: hint, column: node?.mark?.column)
        }
        let root: Node?
        do {
            root = try reader.read(yaml)
        } catch let error as DiagnosticError {
            throw BookError.combined(error.problems.map { problem in
                var problem = problem
                problem.message = "\(name): \(problem.message)"
                return BookError(problem)
            })!
        }
        guard let root else {
            if kind == .compare { throw fail(nil, "gan-compare needs runs and metric", hint: "e.g. runs: [a, b] and metric: loss_g") }
            return directive
        }
        guard let mapping = root.mapping else { throw fail(root, "\(name): expected key: value lines") }
        var problems: [BookError] = []
        var failedKeys = Set<String>()
        // The reader has rejected keys written twice and keys that are not names.
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            do {
                switch key {
                case "runs":
                    let items = try strings(value, key: key, fail)
                    directive.runs = items.map(\.text)
                    directive.runLines = items.map { fileLine($0.node) }
                case "metric" where kind == .compare:
                    guard let text = value.string, !text.isEmpty else { throw fail(value, "metric: expected a metrics.csv column name") }
                    directive.metric = text
                    directive.metricLine = fileLine(value)
                case "columns" where kind == .table:
                    let items = try strings(value, key: key, fail)
                    directive.columns = items.map(\.text)
                    directive.columnLines = items.map { fileLine($0.node) }
                case "title":
                    guard let text = value.string else { throw fail(value, "title: expected text") }
                    directive.title = text
                case "smooth" where kind == .compare:
                    guard let number = value.float, number >= 0, number < 1 else {
                        throw fail(value, "smooth: expected a number from 0 (no smoothing) up to but not including 1")
                    }
                    directive.smoothing = number
                default:
                    throw fail(keyNode, "\(name): unknown key (\(key))",
                               hint: ClosestName.hint(for: key, among: allowed, allowed: "allowed keys"))
                }
            } catch let problem as BookError {
                problems.append(problem)
                failedKeys.insert(key)
            }
        }
        // A key already reported as wrong is not reported missing too.
        if kind == .compare {
            if directive.runs.isEmpty && !failedKeys.contains("runs") {
                problems.append(fail(root, "gan-compare: runs is missing", hint: "list the ids of the runs to overlay"))
            }
            if directive.metric.isEmpty && !failedKeys.contains("metric") {
                problems.append(fail(root, "gan-compare: metric is missing", hint: "e.g. metric: loss_g"))
            }
        }
        if let problem = BookError.combined(problems) { throw problem }
        return directive
    }

    private static func strings(_ node: Node, key: String, _ fail: (Node?, String, String) -> BookError) throws
        -> [(text: String, node: Node)] {
        if let single = node.string { return [(single, node)] }
        guard let items = node.sequence else { throw fail(node, "\(key): expected a list such as [a, b]", "") }
        return try items.map { item in
            guard let text = item.string else { throw fail(item, "\(key): expected names", "") }
            return (text, item)
        }
    }
}
