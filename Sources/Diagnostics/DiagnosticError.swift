/// The Diagnostics module's error: one or more problems of one text, each with its place.
/// The modules that read YAML turn it into their own error type.
public struct DiagnosticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Never empty, in the order found.
    public let problems: [Diagnostic]

    public init(_ problems: [Diagnostic]) {
        precondition(!problems.isEmpty, "a DiagnosticError needs at least one problem")
        self.problems = problems
    }

    public init(_ problem: Diagnostic) {
        self.init([problem])
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
