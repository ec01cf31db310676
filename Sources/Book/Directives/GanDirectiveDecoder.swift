import Diagnostics
import Foundation
import GAN
import Yams

/// Reads a ```gan block: Book's own keys (`GanDirective.keys`) here, the hashed rest through
/// GAN's decoder, which is told which keys this reader handles so every unknown key is
/// reported, with its suggestion, from GAN's one list.
struct GanDirectiveDecoder {
    let file: String
    let firstLine: Int

    /// Most runs one block may expand into: past it a typo in a sweep would plan hours of training.
    static let maximumChildren = 64

    func decode(_ yaml: String) throws -> GanDirective {
        let reader = YAMLReader(file: file, firstLine: firstLine)
        var problems: [Error] = []
        var id: String?
        var caption: String?
        var expectations: [WrittenExpectation] = []
        var seeds: [(value: Int, node: Node)] = []
        var sweep: [(path: String, key: Node, values: [Node])] = []
        var seedWritten = false
        if let root = try? reader.read(yaml), let mapping = root.mapping {
            for (keyNode, value) in mapping {
                do {
                    switch keyNode.string ?? "" {
                    case "id": id = try decodeID(value, reader)
                    case "caption":
                        guard let text = value.string else { throw fail(value, reader, "caption: expected text") }
                        caption = text
                    case "expect": expectations = try decodeExpect(value, reader)
                    case "seeds": seeds = try decodeSeeds(value, reader)
                    case "sweep": sweep = try decodeSweep(value, reader)
                    case "seed": seedWritten = true
                    default: break
                    }
                } catch {
                    problems.append(error)
                }
            }
            if seedWritten, let first = seeds.first {
                problems.append(fail(first.node, reader, "seeds: seed is written too",
                                     hint: "keep one: seeds lists every seed to train"))
            }
        }
        // YAML errors, unknown keys and the hashed keys' problems come from GAN's decoder.
        let config: RunConfig
        do {
            config = try RunConfig.decode(yaml: yaml, file: file, firstLine: firstLine,
                                          emptyMessage: "empty directive: write at least dataset",
                                          handledKeys: GanDirective.keys)
        } catch {
            throw DirectiveProblems.combined(problems + [error]) ?? error
        }
        // The swept values are checked even when another key is wrong: one pass reports everything.
        var children: [SweepChild] = []
        do { children = try expand(yaml, seeds: seeds, sweep: sweep, reader: reader) } catch { problems.append(error) }
        if let problem = DirectiveProblems.combined(problems) { throw problem }
        return GanDirective(id: id, caption: caption, expectations: expectations,
                            config: children.first?.config ?? config, children: children)
    }

    private func fail(_ node: Node?, _ reader: YAMLReader, _ message: String, hint: String = "") -> BookError {
        BookError(file: file, line: reader.fileLine(node?.mark) ?? firstLine, message: message, hint: hint,
                  column: node?.mark?.column)
    }

    private func decodeID(_ value: Node, _ reader: YAMLReader) throws -> String {
        guard let id = value.string,
              id.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*$"#, options: .regularExpression) != nil else {
            throw fail(value, reader, "id: '\(value.string ?? "")' is not a valid id",
                       hint: "use letters, digits, '-', '_' and '.', e.g. mlp-mnist")
        }
        return id
    }

    /// `expect: {reference: condition, ...}`; the reference and condition are parsed when planned.
    private func decodeExpect(_ value: Node, _ reader: YAMLReader) throws -> [WrittenExpectation] {
        guard let mapping = value.mapping, !mapping.isEmpty else {
            throw fail(value, reader, "expect: expected a map from a value to a condition",
                       hint: #"e.g. expect: {modes_covered: ">= 7", "d_real@last": "0.4..0.8"}"#)
        }
        return try mapping.map { key, condition in
            guard let reference = key.string, let text = condition.string ?? condition.scalar?.string else {
                throw fail(condition, reader, "expect: expected a condition in quotes, such as \">= 7\"")
            }
            let quoted = [.singleQuoted, .doubleQuoted].contains(condition.scalar?.style)
            return WrittenExpectation(reference: reference, condition: text,
                                      line: reader.fileLine(key.mark) ?? firstLine, column: key.mark?.column,
                                      conditionLine: reader.fileLine(condition.mark) ?? firstLine,
                                      conditionColumn: condition.mark.map { $0.column + (quoted ? 1 : 0) })
        }
    }

    private func decodeSeeds(_ value: Node, _ reader: YAMLReader) throws -> [(value: Int, node: Node)] {
        guard let items = value.sequence, !items.isEmpty else {
            throw fail(value, reader, "seeds: expected a list of seeds such as [1, 2, 3]")
        }
        var seen = Set<Int>()
        return try items.map { item in
            guard let seed = item.int, seed >= 0 else { throw fail(item, reader, "seeds: expected whole numbers ≥ 0") }
            guard seen.insert(seed).inserted else { throw fail(item, reader, "seeds: seed \(seed) is listed twice") }
            return (seed, item)
        }
    }

    private func decodeSweep(_ value: Node, _ reader: YAMLReader) throws -> [(path: String, key: Node, values: [Node])] {
        guard let mapping = value.mapping, !mapping.isEmpty else {
            throw fail(value, reader, "sweep: expected a map from a key to its values",
                       hint: "e.g. sweep: {discriminator.dropout: [0.3, 0.5]}")
        }
        return try mapping.map { key, values in
            let path = key.string ?? ""
            if path == "seed" { throw fail(key, reader, "sweep: seed is swept with seeds: [...]", hint: "write seeds: [1, 2, 3]") }
            if GanDirective.keys.contains(path) {
                throw fail(key, reader, "sweep: \(path) is not a training setting", hint: "sweep keys such as lr, discriminator.dropout")
            }
            guard let items = values.sequence, !items.isEmpty else {
                throw fail(values, reader, "sweep: \(path): expected a list of values such as [0.3, 0.5]")
            }
            let texts = items.map { $0.scalar?.string ?? "" }
            if let repeated = texts.firstIndex(where: { text in texts.filter { $0 == text }.count > 1 }) {
                throw fail(items[repeated], reader, "sweep: \(path): \(texts[repeated]) is listed twice")
            }
            return (path, key, Array(items))
        }.sorted { $0.path < $1.path }
    }

    /// The product of the swept values and the seeds, one configuration each.
    private func expand(_ yaml: String, seeds: [(value: Int, node: Node)],
                        sweep: [(path: String, key: Node, values: [Node])], reader: YAMLReader) throws -> [SweepChild] {
        guard !seeds.isEmpty || !sweep.isEmpty else { return [] }
        let count = sweep.reduce(max(seeds.count, 1)) { $0 * $1.values.count }
        guard count <= GanDirectiveDecoder.maximumChildren else {
            let node = sweep.first?.key ?? seeds.first?.node
            throw fail(node, reader, "this block expands into \(count) runs, more than the \(GanDirectiveDecoder.maximumChildren) one block may train",
                       hint: "sweep fewer values or fewer seeds, or split the sweep over several blocks")
        }
        let lastNames = sweep.map { $0.path.split(separator: ".").last.map(String.init) ?? $0.path }
        let names = sweep.indices.map { index in
            lastNames.filter { $0 == lastNames[index] }.count > 1 ? sweep[index].path : lastNames[index]
        }
        var axes: [[(name: String, override: ConfigOverride, text: String)]] = sweep.enumerated().map { index, axis in
            axis.values.map { value in
                (names[index], ConfigOverride(path: axis.path.split(separator: ".").map(String.init), value: value,
                                              keyMark: axis.key.mark), value.scalar?.string ?? "")
            }
        }
        if !seeds.isEmpty {
            axes.append(seeds.map { ("seed", ConfigOverride(path: ["seed"], value: $0.node), String($0.value)) })
        }
        var combinations: [[(name: String, override: ConfigOverride, text: String)]] = [[]]
        for axis in axes { combinations = combinations.flatMap { prefix in axis.map { prefix + [$0] } } }
        var problems: [String: Error] = [:]
        var order: [String] = []
        var children: [SweepChild] = []
        for combination in combinations {
            do {
                let config = try RunConfig.decode(yaml: yaml, file: file, firstLine: firstLine,
                                                  handledKeys: GanDirective.keys, overrides: combination.map(\.override))
                children.append(SweepChild(settings: combination.map { ($0.name, $0.text) }, config: config))
            } catch {
                // A bad swept value fails the same way in every combination: report it once.
                for single in SitePlanner.separate(error) where problems["\(single)"] == nil {
                    problems["\(single)"] = single
                    order.append("\(single)")
                }
            }
        }
        if let problem = DirectiveProblems.combined(order.compactMap { problems[$0] }) { throw problem }
        return children
    }
}
