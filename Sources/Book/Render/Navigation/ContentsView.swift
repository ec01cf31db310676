/// The page's table of contents, shown as a block right after the page's title.
public struct ContentsView: Sendable {
    public var entries: [TableOfContentsEntry]

    public init(entries: [TableOfContentsEntry]) {
        self.entries = entries
    }
}
