import Yams

/// One walk over a composed tree with every alias expanded, stopping at `limits.depth` levels or
/// `limits.nodes` nodes, so its cost is bounded whatever the aliases multiply to.
struct YAMLTreeCheck {
    let reader: YAMLReader
    private(set) var problems: [Diagnostic] = []
    private var nodesSeen = 0
    private var stopped = false
    /// Whether the text uses an alias (`*name`), so the node count may be an expansion.
    private let sawAlias: Bool

    init(reader: YAMLReader, text: String) {
        self.reader = reader
        sawAlias = text.utf8.contains(UInt8(ascii: "*"))
    }

    mutating func visit(_ node: Node, path: String, depth: Int) {
        guard !stopped else { return }
        nodesSeen += 1
        if nodesSeen > reader.limits.nodes {
            // Say "through aliases" only when there are some: a plain list of 20,000 values is not a bomb.
            stop(at: node, sawAlias
                    ? "YAML expands to more than \(reader.limits.nodes) values (through aliases *name)"
                    : "YAML holds more than \(reader.limits.nodes) values",
                 hint: sawAlias ? "write the values out instead of repeating aliases" : "a configuration needs a few dozen")
            return
        }
        if depth > reader.limits.depth {
            stop(at: node, "YAML nested too deeply: more than \(reader.limits.depth) levels (through aliases *name)",
                 hint: "a configuration needs only a few levels")
            return
        }
        switch node {
        case .scalar:
            return
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                visit(item, path: "\(path)[\(index)]", depth: depth + 1)
            }
        case .mapping(let mapping):
            var firstLines: [String: Int] = [:]
            for (keyNode, value) in mapping {
                guard !stopped else { return }
                guard let key = keyNode.scalar?.string else {
                    nodesSeen += 1
                    problems.append(reader.diagnostic(at: keyNode, key: path.isEmpty ? nil : path,
                                                      "a key must be a name, not a list or mapping",
                                                      hint: "write key: value", problem: .keyNotAName))
                    continue
                }
                let keyPath = path.isEmpty ? key : "\(path).\(key)"
                let line = reader.fileLine(keyNode.mark) ?? reader.firstLine
                if let first = firstLines[key] {
                    problems.append(reader.diagnostic(at: keyNode, key: keyPath,
                                                      "key written twice (first on line \(first))", hint: "keep one",
                                                      problem: .duplicateKey))
                } else {
                    firstLines[key] = line
                }
                visit(value, path: keyPath, depth: depth + 1)
            }
        }
    }

    private mutating func stop(at node: Node, _ message: String, hint: String) {
        stopped = true
        problems.append(reader.diagnostic(at: node, message, hint: hint, problem: .tooLarge))
    }
}
