/// What `page.mustache` shows: one notebook page, its blocks in source order.
public struct PageView: Sendable {
    public var siteTitle: String
    public var title: String
    public var blocks: [PageBlockView]
    /// Relative path from the page to the site root: "" for pages at the root, "../" one level down.
    /// Stylesheet, script and index links start with it, so the site works from any folder.
    public var rootPath: String
    /// False when the prose already starts with its own top-level heading.
    public var showsTitleHeading: Bool
    public var previous: PageLink?
    public var next: PageLink?
    /// True when a prose block holds typeset math: the page links KaTeX's stylesheet.
    public var hasMath = false

    public init(siteTitle: String, title: String, blocks: [PageBlockView], rootPath: String = "",
                showsTitleHeading: Bool = true) {
        self.siteTitle = siteTitle
        self.title = title
        self.blocks = blocks
        self.rootPath = rootPath
        self.showsTitleHeading = showsTitleHeading
    }
}
