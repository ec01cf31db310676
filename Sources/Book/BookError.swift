/// The one error type of the Book module: where it happened, what is wrong, and what would fix it.
///
/// Prints as `path:line: message; hint`, the form editors and terminals turn into links.
public struct BookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file at fault (a page, a template, a cache entry file), as the user would name it.
    public var file: String
    /// 1-based line inside `file`, when known.
    public var line: Int?
    public var message: String
    /// What is allowed or how to fix it; empty when there is nothing useful to say.
    public var hint: String

    public init(file: String, line: Int? = nil, message: String, hint: String = "") {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += text.isEmpty ? message : ": \(message)"
        if !hint.isEmpty { text += "; \(hint)" }
        return text
    }
}
