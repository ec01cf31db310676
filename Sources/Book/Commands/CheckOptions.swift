/// `ganbook check`: the notebook's claims and inline values against the cache.
public struct CheckOptions {
    public var content: String
    public var site: String

    public init(content: String, site: String) {
        self.content = content
        self.site = site
    }
}
