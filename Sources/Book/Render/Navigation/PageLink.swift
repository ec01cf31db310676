/// A link to another page of the notebook (previous / next).
public struct PageLink: Equatable, Sendable {
    public var title: String
    public var href: String

    public init(title: String, href: String) {
        self.title = title
        self.href = href
    }
}
