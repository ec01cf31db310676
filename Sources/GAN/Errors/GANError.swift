import Diagnostics

/// The GAN module's one error type: what went wrong, where (file, line, column, key path),
/// and what would fix it.
///
/// `description` prints `path:line:column: key: message; hint` (the Diagnostics format), leaving
/// out the parts that are unknown, so a build error points straight at the offending line of a
/// notebook page or config file. A configuration with several problems throws the first with
/// the others in `more`, so every problem is reported at once.
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
    /// Further problems of the same configuration, in the order found.
    public var more: [GANError] = []

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

    /// A problem found by the YAML reader.
    public init(kind: Kind, _ diagnostic: Diagnostic) {
        self.init(kind: kind, file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                  keyPath: diagnostic.key, message: diagnostic.message, hint: diagnostic.hint)
    }

    /// The first problem, carrying the others; nil when there are none.
    public static func combined(_ problems: [GANError]) -> GANError? {
        let flat = problems.flatMap(\.all)
        guard var first = flat.first else { return nil }
        first.more = Array(flat.dropFirst())
        return first
    }

    /// This problem and every further one, each alone.
    public var all: [GANError] {
        var head = self
        head.more = []
        return [head] + more.flatMap(\.all)
    }

    /// This problem alone, in the one format.
    public var diagnostic: Diagnostic {
        Diagnostic(file: file, line: line, column: column, key: keyPath, message: message, hint: hint)
    }

    /// One line per problem.
    public var description: String {
        all.map(\.diagnostic.description).joined(separator: "\n")
    }
}
