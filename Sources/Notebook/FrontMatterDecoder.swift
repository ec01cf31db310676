import Yams

/// Reads a page's front matter YAML into `FrontMatter`, rejecting unknown keys and wrong types
/// with the file line they are on.
struct FrontMatterDecoder {
    let path: String
    /// File line of the YAML's first line.
    let firstLine: Int

    func decode(_ yaml: String) throws -> FrontMatter {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error)
        }
        guard let root else { return FrontMatter() }
        guard case .mapping(let mapping) = root else {
            throw error(at: root, "front matter must be a mapping of keys to values: expected "
                        + FrontMatter.keys.joined(separator: ", "))
        }
        var frontMatter = FrontMatter()
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "\(keyNode)"
            guard seen.insert(key).inserted else {
                throw error(at: keyNode, "duplicate front-matter key (\(key))")
            }
            switch key {
            case "title": frontMatter.title = try text(value, key: key)
            case "summary": frontMatter.summary = try text(value, key: key)
            case "order": frontMatter.order = try integer(value, key: key)
            default: throw unknownKey(key, at: keyNode)
            }
        }
        return frontMatter
    }

    /// Any scalar but null reads as text, so `title: 1984` is the title "1984".
    private func text(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar, node.tag != Tag(.null) else {
            throw error(at: node, "wrong type for front-matter key (\(key)): expected a string, got \(describe(node))")
        }
        return scalar.string
    }

    private func integer(_ node: Node, key: String) throws -> Int {
        guard let scalar = node.scalar, node.tag == Tag(.int), let value = Int.construct(from: scalar) else {
            throw error(at: node, "wrong type for front-matter key (\(key)): expected an integer, got \(describe(node))")
        }
        return value
    }

    private func unknownKey(_ key: String, at node: Node) -> NotebookError {
        var message = "unknown front-matter key (\(key)): expected one of " + FrontMatter.keys.joined(separator: ", ")
        if let suggestion = KeySuggestion.closest(to: key, among: FrontMatter.keys) {
            message += "; did you mean \(suggestion)?"
        }
        return error(at: node, message)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where node.tag == Tag(.null): return scalar.string.isEmpty ? "nothing" : "null"
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        default: return "a list"
        }
    }

    private func error(at node: Node, _ message: String) -> NotebookError {
        NotebookError(file: path, line: node.mark.map { fileLine($0.line) } ?? firstLine, message: message)
    }

    private func syntaxError(_ error: YamlError) -> NotebookError {
        switch error {
        case .scanner(_, let problem, let mark, _),
             .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return NotebookError(file: path, line: fileLine(mark.line), message: "front matter is not valid YAML: \(problem)")
        default:
            return NotebookError(file: path, line: firstLine, message: "front matter is not valid YAML: \(error)")
        }
    }

    private func fileLine(_ yamlLine: Int) -> Int {
        firstLine + yamlLine - 1
    }
}
