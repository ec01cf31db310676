import Foundation

/// Everything that can go wrong while reading notebook pages, with the place it went wrong.
public struct NotebookError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The page (or folder) the error is about, as given by the caller.
    public let file: String
    /// 1-based line in `file`; nil when the error is about the file or folder as a whole.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `path:line: message`, the form editors and terminals turn into a link.
    public var description: String {
        if let line {
            return "\(file):\(line): \(message)"
        }
        return "\(file): \(message)"
    }

    public var errorDescription: String? { description }
}
