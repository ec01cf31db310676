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

    /// One line whenever the problem has a place: keys and values quoted from the user's text
    /// may hold line breaks and control characters, and these are written as escapes, and a part
    /// longer than a screenful is cut. A message with no file (a summary that lists placed
    /// problems) keeps its lines.
    public var description: String {
        var place = file
        if !file.isEmpty, let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = place.isEmpty ? "" : "\(Diagnostic.oneLine(place)): "
        if let key, !key.isEmpty { text += "\(Diagnostic.oneLine(key, limit: 200)): " }
        text += file.isEmpty ? message : Diagnostic.oneLine(message, limit: 1_000)
        if let hint, !hint.isEmpty { text += "; \(Diagnostic.oneLine(hint, limit: 1_000))" }
        return text
    }

    /// `oneLine(text)` cut to `limit` characters, with "…" where it was cut.
    static func oneLine(_ text: String, limit: Int) -> String {
        text.count > limit ? oneLine(String(text.prefix(limit))) + "…" : oneLine(text)
    }

    /// `text` with line breaks and other control characters written as `\n`, `\r`, `\u{85}`.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case _ where needsEscape(scalar): escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
