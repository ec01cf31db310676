/// One heading of a page in its table of contents.
public struct TableOfContentsEntry: Equatable, Sendable {
    public var title: String
    /// The heading's `id`, without "#".
    public var anchor: String
    /// 2 for `<h2>`, 3 for `<h3>`.
    public let level: Int
    /// Stored for the templates (they see stored properties only).
    public let isSubsection: Bool

    public init(title: String, anchor: String, level: Int) {
        self.title = title
        self.anchor = anchor
        self.level = level
        self.isSubsection = level > 2
    }
}
