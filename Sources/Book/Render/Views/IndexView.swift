/// What `index.mustache` shows: the notebook's front page.
public struct IndexView: Sendable {
    public var siteTitle: String
    /// Prose of `index.md` as HTML, inserted as is (it comes from the Markdown renderer).
    public var introHTML: String?
    public var pages: [IndexPageEntry]
    /// Relative path from the index to the site root ("" when the index is at the root).
    public var rootPath: String
    /// False when the prose already starts with its own top-level heading.
    public var showsTitleHeading: Bool
    /// True when the prose holds typeset math: the page links KaTeX's stylesheet.
    public var hasMath = false

    public init(siteTitle: String, introHTML: String? = nil, pages: [IndexPageEntry], rootPath: String = "",
                showsTitleHeading: Bool = true) {
        self.siteTitle = siteTitle
        self.introHTML = introHTML
        self.pages = pages
        self.rootPath = rootPath
        self.showsTitleHeading = showsTitleHeading
    }
}
