import Diagnostics

/// The one error type of the Book module: where it happened, what is wrong, and what would fix it.
///
/// Prints in the Diagnostics format `path:line:column: key: message; hint`, the form editors
/// and terminals turn into links.
public struct BookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file at fault (a page, a template, a cache entry file), as the user would name it.
    public var file: String
    /// 1-based line inside `file`, when known.
    public var line: Int?
    public var message: String
    /// What is allowed or how to fix it; empty when there is nothing useful to say.
    public var hint: String
    /// 1-based column in `line`, when known.
    public var column: Int?
    /// The directive key at fault, when there is one.
    public var key: String?
    /// Further problems found in the same pass, in the order found.
    public var more: [BookError] = []

    public init(file: String, line: Int? = nil, message: String, hint: String = "",
                column: Int? = nil, key: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        self.column = column
        self.key = key
    }

    /// A problem found by the YAML reader.
    init(_ diagnostic: Diagnostic) {
        self.init(file: diagnostic.file, line: diagnostic.line, message: diagnostic.message,
                  hint: diagnostic.hint ?? "", column: diagnostic.column, key: diagnostic.key)
    }

    /// The first problem carrying the others; nil when there are none.
    public static func combined(_ problems: [BookError]) -> BookError? {
        let flat = problems.flatMap(\.all)
        guard var first = flat.first else { return nil }
        first.more = Array(flat.dropFirst())
        return first
    }

    /// This problem and every further one, each alone.
    public var all: [BookError] {
        var head = self
        head.more = []
        return [head] + more.flatMap(\.all)
    }

    public var diagnostic: Diagnostic {
        Diagnostic(file: file, line: line, column: column, key: key, message: message, hint: hint)
    }

    /// One line per problem.
    public var description: String {
        all.map(\.diagnostic.description).joined(separator: "\n")
    }
}
