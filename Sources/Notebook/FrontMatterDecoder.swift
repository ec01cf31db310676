import Diagnostics
import Yams

/// Reads a page's front matter YAML into `FrontMatter`, rejecting unknown keys and wrong types
/// with the file line they are on. Every problem of the front matter is reported together.
struct FrontMatterDecoder {
    let path: String
    /// File line of the YAML's first line.
    let firstLine: Int

    private var reader: YAMLReader { YAMLReader(file: path, firstLine: firstLine) }

    func decode(_ yaml: String) throws -> FrontMatter {
        let root: Node?
        do {
            root = try reader.read(yaml)
        } catch let error as DiagnosticError {
            throw NotebookError.combined(error.problems.map { problem in
                var problem = problem
                if problem.yamlProblem == .syntax { problem.message = "front matter is not valid YAML: " + problem.message }
                return NotebookError(problem)
            })!
        }
        guard let root else { return FrontMatter() }
        guard case .mapping(let mapping) = root else {
            throw error(at: root, "front matter must be a mapping of keys to values: expected "
                        + FrontMatter.keys.joined(separator: ", "))
        }
        var frontMatter = FrontMatter()
        var problems: [NotebookError] = []
        // The reader has rejected keys written twice and keys that are not names.
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            do {
                switch key {
                case "title": frontMatter.title = try text(value, key: key)
                case "summary": frontMatter.summary = try text(value, key: key)
                case "order": frontMatter.order = try integer(value, key: key)
                default: throw unknownKey(key, at: keyNode)
                }
            } catch let problem as NotebookError {
                problems.append(problem)
            }
        }
        if let problem = NotebookError.combined(problems) { throw problem }
        return frontMatter
    }

    /// Any scalar but null reads as text, so `title: 1984` is the title "1984".
    private func text(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar, node.tag != Tag(.null) else {
            throw error(at: node, key: key, "wrong type for front-matter key (\(key)): expected a string, got \(describe(node))")
        }
        return scalar.string
    }

    private func integer(_ node: Node, key: String) throws -> Int {
        guard let scalar = node.scalar, node.tag == Tag(.int), let value = Int.construct(from: scalar) else {
            throw error(at: node, key: key, "wrong type for front-matter key (\(key)): expected an integer, got \(describe(node))")
        }
        return value
    }

    private func unknownKey(_ key: String, at node: Node) -> NotebookError {
        var message = "unknown front-matter key (\(key)): expected one of " + FrontMatter.keys.joined(separator: ", ")
        if let suggestion = NameSuggestion.closest(to: key, among: FrontMatter.keys) {
            message += "; did you mean \(suggestion)?"
        }
        return error(at: node, message)
    }

    /// Scalars are shown cut to a line's length: a value can be long.
    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where node.tag == Tag(.null): return scalar.string.isEmpty ? "nothing" : "null"
        case .scalar(let scalar):
            let text = scalar.string.count > 40 ? scalar.string.prefix(40) + "…" : Substring(scalar.string)
            return "\"\(text)\""
        case .mapping: return "a mapping"
        default: return "a list"
        }
    }

    private func error(at node: Node, key: String? = nil, _ message: String) -> NotebookError {
        NotebookError(file: path, line: reader.fileLine(node.mark) ?? firstLine, message: message)
    }
}
