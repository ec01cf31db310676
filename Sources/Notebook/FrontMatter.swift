/// The YAML block between `---` lines at the top of a page. Every key is optional.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    /// One sentence shown under the page's link in the index.
    public var summary: String?
    /// Position among the pages: lower first; pages without an order come after those with one.
    public var order: Int?

    /// The keys a page may use, in the order error messages list them.
    public static let keys = ["title", "summary", "order"]

    public init(title: String? = nil, summary: String? = nil, order: Int? = nil) {
        self.title = title
        self.summary = summary
        self.order = order
    }
}
