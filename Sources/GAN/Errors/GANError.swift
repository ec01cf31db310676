/// The GAN module's one error type: what went wrong, where (file, line, column, key path),
/// and what would fix it.
///
/// `description` prints `path:line: key: message; hint`, leaving out the parts that are unknown,
/// so a build error points straight at the offending line of a notebook page or config file.
public struct GANError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Broad category, so callers (and tests) can react without parsing messages.
    public enum Kind: String, Equatable, Sendable {
        /// The YAML itself does not parse.
        case syntax
        /// A key that the configuration does not know.
        case unknownKey
        /// A value of the wrong type (a string where a number belongs, ...).
        case wrongType
        /// A value of the right type outside its allowed range or set.
        case invalidValue
        /// Two settings that cannot be used together.
        case conflict
        /// A file that cannot be opened or read.
        case unreadable
        /// No folder in the search path holds the dataset.
        case datasetMissing
        /// A data file with the wrong structure (magic, dimensions, length).
        case corruptData
        /// Well-formed data that is not the canonical dataset (digest mismatch).
        case unexpectedData
    }

    public var kind: Kind
    /// The file the problem is in: a notebook page, a config file or a data file; empty when
    /// the problem is not in one file (a dataset found nowhere).
    public var file: String
    /// 1-based line in `file`, when the problem has a position.
    public var line: Int?
    /// 1-based column in `line`, when known.
    public var column: Int?
    /// Dotted key path such as `optimizer.beta1` or `generator.hidden[1]`.
    public var keyPath: String?
    /// What is wrong.
    public var message: String
    /// What is allowed, the closest valid key, or how to get the missing data.
    public var hint: String?

    public init(kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
                keyPath: String? = nil, message: String, hint: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = ""
        if !file.isEmpty {
            text = file
            if let line { text += ":\(line)" }
            text += ": "
        }
        if let keyPath, !keyPath.isEmpty { text += "\(keyPath): " }
        text += message
        if let hint, !hint.isEmpty { text += "; \(hint)" }
        return text
    }
}
