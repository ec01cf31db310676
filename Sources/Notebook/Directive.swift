/// A fenced code block whose info string names one of the caller's directive kinds.
/// Notebook does not interpret the body: the module that owns the kind decodes it.
public struct Directive: Equatable, Sendable {
    /// The first word of the fence's info string, e.g. `gan`.
    public let kind: String
    /// The YAML text inside the fence, exactly as written (empty when the fence holds nothing).
    public let body: String
    /// 1-based line in the page file of the first body line, counting front-matter lines,
    /// so a decoder can report `line + (line within body) - 1`.
    public let line: Int
    /// Position among the page's directives of every kind: 0 for the first.
    public let index: Int

    public init(kind: String, body: String, line: Int, index: Int) {
        self.kind = kind
        self.body = body
        self.line = line
        self.index = index
    }
}
