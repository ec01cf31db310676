/// Bounds on what a YAML text may hold. A run configuration, a page's front matter and a
/// display directive need a few levels and a few dozen values; these bounds are far above that
/// and far below what would exhaust the stack (Yams builds its tree recursively) or memory.
public struct YAMLLimits: Equatable, Sendable {
    /// Flow collections (`[` or `{`) in the whole text, counted wherever they appear: a sound
    /// bound on flow nesting that no quote or comment can hide.
    public var flowBrackets: Int
    /// Distinct columns at which a block collection could start; block nesting is at most twice
    /// this (a mapping and the sequence under one of its keys may share a column).
    public var blockColumns: Int
    /// Nesting of the tree with every alias expanded.
    public var depth: Int
    /// Nodes of the tree with every alias expanded (a "billion laughs" text expands to 10⁹).
    public var nodes: Int

    public init(flowBrackets: Int = 100, blockColumns: Int = 40, depth: Int = 100, nodes: Int = 10_000) {
        self.flowBrackets = flowBrackets
        self.blockColumns = blockColumns
        self.depth = depth
        self.nodes = nodes
    }

    public static let standard = YAMLLimits()
}
