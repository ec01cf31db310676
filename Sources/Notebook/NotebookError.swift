import Diagnostics
import Foundation

/// Everything that can go wrong while reading notebook pages, with the place it went wrong.
/// Several problems (of one page or of many) travel as the first with the others in `more`.
public struct NotebookError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The page (or folder) the error is about, as given by the caller.
    public let file: String
    /// 1-based line in `file`; nil when the error is about the file or folder as a whole.
    public let line: Int?
    public let message: String
    /// 1-based column in `line`, when known.
    public var column: Int?
    /// The front-matter key at fault, when there is one.
    public var key: String?
    /// What is allowed or how to fix it.
    public var hint: String?
    /// Further problems, in the order found.
    public var more: [NotebookError] = []

    public init(file: String, line: Int?, message: String, column: Int? = nil, key: String? = nil,
                hint: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.column = column
        self.key = key
        self.hint = hint
    }

    /// A problem found by the YAML reader.
    public init(_ diagnostic: Diagnostic) {
        self.init(file: diagnostic.file, line: diagnostic.line, message: diagnostic.message,
                  column: diagnostic.column, key: diagnostic.key, hint: diagnostic.hint)
    }

    /// The first problem carrying the others; nil when there are none.
    public static func combined(_ problems: [NotebookError]) -> NotebookError? {
        let flat = problems.flatMap(\.all)
        guard var first = flat.first else { return nil }
        first.more = Array(flat.dropFirst())
        return first
    }

    /// This problem and every further one, each alone.
    public var all: [NotebookError] {
        var head = self
        head.more = []
        return [head] + more.flatMap(\.all)
    }

    public var diagnostic: Diagnostic {
        Diagnostic(file: file, line: line, column: column, key: key, message: message, hint: hint)
    }

    /// `path:line: message`, the form editors and terminals turn into a link; one line a problem.
    public var description: String {
        all.map(\.diagnostic.description).joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
