/// One piece of a page, in reading order: rendered Markdown between directives, or a directive.
public enum PageBlock: Equatable, Sendable {
    /// HTML rendered from the Markdown between two directives (or the page's start or end).
    case prose(html: String)
    case directive(Directive)
    /// An inline value inside prose: the HTML before it and after it are the neighbouring
    /// `prose` blocks (a paragraph holding one is cut around it).
    case value(InlineValue)
}
