import Yams

/// The one way ganbook reads YAML (directive bodies, front matter, `train` config files):
/// bounded before Yams builds its tree, checked after, every problem placed at its file line.
///
/// Before parsing, a scan of the text bounds nesting (Yams composes recursively, and a few
/// thousand levels exhaust the stack). After parsing, one walk bounded in depth and node count
/// expands aliases (so a "billion laughs" text stops after `limits.nodes` nodes, before anything
/// formats a node), and rejects keys that are not plain scalars and keys written twice.
public struct YAMLReader: Sendable {
    /// The file that diagnostics name.
    public let file: String
    /// File line of the text's first line (a directive body starts below its fence).
    public let firstLine: Int
    public let limits: YAMLLimits

    public init(file: String, firstLine: Int = 1, limits: YAMLLimits = .standard) {
        self.file = file
        self.firstLine = firstLine
        self.limits = limits
    }

    /// The root node, or nil when the text holds no document (empty, or comments only).
    /// - Throws: `DiagnosticError` with every problem found, each with its line.
    public func read(_ text: String) throws -> Node? {
        if let excess = YAMLNestingScan(limits: limits).firstExcess(in: text) {
            throw DiagnosticError(Diagnostic(file: file, line: firstLine + excess.line - 1, message: excess.message,
                                             hint: "a configuration needs only a few levels", yamlProblem: .tooLarge))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticError(syntaxDiagnostic(error))
        }
        guard let root else { return nil }
        var check = YAMLTreeCheck(reader: self, text: text)
        check.visit(root, path: "", depth: 1)
        if !check.problems.isEmpty { throw DiagnosticError(check.problems) }
        return root
    }

    /// File line of a position reported by Yams (whose lines start at 1).
    public func fileLine(_ mark: Mark?) -> Int? {
        mark.map { firstLine + $0.line - 1 }
    }

    /// A problem at `node`'s position (or the text's first line when it has none).
    public func diagnostic(at node: Node?, key: String? = nil, _ message: String, hint: String? = nil,
                           problem: YAMLProblem? = nil) -> Diagnostic {
        Diagnostic(file: file, line: fileLine(node?.mark) ?? firstLine, column: node?.mark?.column,
                   key: key, message: message, hint: hint, yamlProblem: problem)
    }

    /// libyaml's message as one line at the place it names.
    func syntaxDiagnostic(_ error: YamlError) -> Diagnostic {
        let hint = "check indentation, colons and brackets"
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context, problem.hasPrefix("but ") {
                // libyaml's composer phrases these as "<context>, but <problem>".
                message = "invalid YAML: \(context.text), \(problem)"
            } else if let context {
                message += " (\(context.text) on line \(fileLine(context.mark) ?? firstLine))"
            }
            return Diagnostic(file: file, line: fileLine(mark), column: mark.column, message: message, hint: hint,
                              yamlProblem: .syntax)
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: firstLine, message: "unreadable YAML: \(problem)",
                              hint: "the text must be UTF-8", yamlProblem: .syntax)
        default:
            let text = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown problem"
            return Diagnostic(file: file, line: firstLine, message: "invalid YAML: \(text)", hint: hint,
                              yamlProblem: .syntax)
        }
    }
}
