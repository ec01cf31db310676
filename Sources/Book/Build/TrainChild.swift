/// What a `-j` parent tells its child about the one run it trains: the resolved configuration
/// (a file the parent wrote and removes), and where the run comes from, for messages.
public struct TrainChild: Sendable {
    /// A JSON file holding the run's resolved configuration (the cache entry's config.json).
    public var configPath: String
    /// `slug/id`, as the parent names the run.
    public var name: String
    /// The page the run's directive is on, and its line.
    public var source: String
    public var line: Int

    public init(configPath: String, name: String, source: String, line: Int) {
        self.configPath = configPath
        self.name = name
        self.source = source
        self.line = line
    }
}
