/// One problem found in a file, printed in the one form every ganbook error uses:
/// `file:line:column: key: message; hint`, leaving out the parts that are unknown, so editors
/// and terminals turn it into a link to the offending place.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The file at fault as the user would name it; empty when the problem is in no one file.
    public var file: String
    /// 1-based line in `file`.
    public var line: Int?
    /// 1-based column in `line`.
    public var column: Int?
    /// Dotted key path such as `optimizer.beta1`.
    public var key: String?
    /// What is wrong.
    public var message: String
    /// What is allowed, the closest valid name, or how to fix it.
    public var hint: String?
    /// Set by the YAML reader: which kind of problem it found.
    public var yamlProblem: YAMLProblem?

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil,
                message: String, hint: String? = nil, yamlProblem: YAMLProblem? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.hint = hint
        self.yamlProblem = yamlProblem
    }

    public var description: String {
        var place = file
        if !file.isEmpty, let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = place.isEmpty ? "" : "\(place): "
        if let key, !key.isEmpty { text += "\(key): " }
        text += message
        if let hint, !hint.isEmpty { text += "; \(hint)" }
        return text
    }
}
