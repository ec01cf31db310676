import Yams

/// A YAML text and where it sits in its file, so positions in the YAML become file lines.
struct YAMLSource {
    let file: String
    /// File line of the YAML's first line (a directive body starts below its fence).
    let firstLine: Int

    /// File line of a position reported by the YAML parser (whose lines start at 1).
    func fileLine(_ mark: Mark?) -> Int? {
        mark.map { firstLine + $0.line - 1 }
    }

    /// The root node of `yaml`, or nil when the text holds no document (empty or comments only).
    func compose(_ yaml: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error)
        }
    }

    private func syntaxError(_ error: YamlError) -> GANError {
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
            return GANError(kind: .syntax, file: file, line: fileLine(mark), column: mark.column,
                            message: message, hint: "check indentation, colons and brackets")
        case let .reader(problem, _, _, _):
            return GANError(kind: .syntax, file: file, line: firstLine,
                            message: "unreadable YAML: \(problem)", hint: "the text must be UTF-8")
        default:
            return GANError(kind: .syntax, file: file, line: firstLine,
                            message: "invalid YAML: \(error)")
        }
    }
}
