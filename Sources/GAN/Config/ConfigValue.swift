import Diagnostics
import Foundation
import Yams

/// One YAML node being decoded: knows its key path and file position, so every conversion
/// failure becomes a `GANError` pointing at the value.
struct ConfigValue {
    let node: Node
    /// Dotted key path, e.g. `optimizer.lr` or `generator.hidden[1]`.
    let path: String
    let source: YAMLSource

    var line: Int? { source.fileLine(node.mark) }
    var column: Int? { node.mark?.column }

    func error(_ kind: GANError.Kind, _ message: String, hint: String? = nil) -> GANError {
        GANError(kind: kind, file: source.file, line: line, column: column, keyPath: path,
                 message: message, hint: hint)
    }

    func invalid(_ message: String, hint: String? = nil) -> GANError {
        error(.invalidValue, message, hint: hint)
    }

    /// A plain scalar's text; nil for quoted scalars, lists and mappings.
    private var plainText: String? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    /// `key:` with nothing after it, `~` or `null`.
    var isNull: Bool {
        guard let text = plainText else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// How the value reads in an error message.
    var shown: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return "nothing" }
            return plainText != nil ? "'\(scalar.string)'" : "the string \"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    private func wrongType(_ expected: String) -> GANError {
        let quoted = node.scalar != nil && plainText == nil
        return error(.wrongType, "expected \(expected), got \(shown)",
                     hint: quoted ? "write it without quotes" : nil)
    }

    func string() throws -> String {
        guard let scalar = node.scalar, !isNull else { throw wrongType("a string") }
        return scalar.string
    }

    func bool() throws -> Bool {
        switch plainText {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: throw wrongType("true or false")
        }
    }

    /// A decimal integer (underscores between digits allowed, as in `5_000`).
    func int() throws -> Int {
        guard let text = plainText,
              text.range(of: #"^[-+]?[0-9][0-9_]*$"#, options: .regularExpression) != nil,
              let value = Int(text.replacingOccurrences(of: "_", with: ""))
        else { throw wrongType("an integer") }
        return value
    }

    /// An integer in `range`.
    func int(in range: ClosedRange<Int>, hint: String? = nil) throws -> Int {
        let value = try int()
        guard range.contains(value) else {
            let bounds = range.upperBound == Int.max
                ? "must be at least \(range.lowerBound)"
                : "must be between \(range.lowerBound) and \(range.upperBound)"
            throw invalid("\(bounds), got \(value)", hint: hint)
        }
        return value
    }

    /// A finite decimal number: `2e-4`, `0.0002`, `2.0e-4`, `1`.
    func double() throws -> Double {
        guard let text = plainText,
              text.range(of: #"^[-+]?([0-9][0-9_]*(\.[0-9_]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"#,
                         options: .regularExpression) != nil,
              let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite
        else { throw wrongType("a number") }
        return value
    }

    /// A number satisfying `isAllowed`; otherwise "<requirement>, got <value as written>".
    func double(where isAllowed: (Double) -> Bool, _ requirement: String,
                hint: String? = nil) throws -> Double {
        let value = try double()
        guard isAllowed(value) else {
            throw invalid("\(requirement), got \(node.scalar?.string ?? NumberText.plain(value))", hint: hint)
        }
        return value
    }

    /// One of an enum's spellings, with a did-you-mean for near misses.
    func choice<Choice: ConfigChoice>(_ type: Choice.Type) throws -> Choice {
        let allowed = Choice.allowedValues
        guard let text = plainText ?? node.scalar?.string, !isNull else {
            throw error(.wrongType, "expected one of \(allowed.joined(separator: ", ")), got \(shown)")
        }
        guard let value = Choice(rawValue: text) else {
            throw invalid("unknown value '\(text)'", hint: Suggestion.hint(for: text, among: allowed))
        }
        return value
    }

    /// The value of `key` when this is a mapping, before its keys are checked.
    func unvalidatedChild(_ key: String) -> ConfigValue? {
        guard case .mapping(let mapping) = node else { return nil }
        for (keyNode, valueNode) in mapping where keyNode.scalar?.string == key {
            return ConfigValue(node: valueNode, path: path.isEmpty ? key : "\(path).\(key)", source: source)
        }
        return nil
    }

    /// The items of a list.
    func elements() throws -> [ConfigValue] {
        guard case .sequence(let sequence) = node else { throw wrongType("a list") }
        return sequence.enumerated().map { index, item in
            ConfigValue(node: item, path: "\(path)[\(index)]", source: source)
        }
    }

    /// A list of integers, each in `range`.
    func intList(in range: ClosedRange<Int>, hint: String? = nil) throws -> [Int] {
        do {
            return try elements().map { try $0.int(in: range, hint: hint) }
        } catch let failure as GANError where failure.kind == .wrongType && failure.keyPath == path {
            throw error(.wrongType, "expected a list of integers like [256, 512], got \(shown)")
        }
    }
}
