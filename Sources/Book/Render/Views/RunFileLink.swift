/// A file of a run's cache folder, linked from its experiment block (`runs/<hash>/metrics.csv`).
public struct RunFileLink: Equatable, Sendable {
    public var name: String
    /// Relative to the page.
    public var href: String

    public init(name: String, href: String) {
        self.name = name
        self.href = href
    }
}
