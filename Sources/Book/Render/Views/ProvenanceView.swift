/// Where a result came from: enough to reproduce it or to tell two runs apart.
public struct ProvenanceView: Sendable {
    /// The full resolved configuration as stored (shown in a `<pre>`).
    public var configJSON: String
    public var datasetIdentity: String
    public var datasetDigest: String
    public var engineVersion: String
    public var wallTime: String
    public var imagesPerSecond: String
    public var threads: String
    /// Every entry of run.json, for the details that have no field above.
    public var details: [NamedValue]

    public init(configJSON: String, datasetIdentity: String, datasetDigest: String, engineVersion: String,
                wallTime: String, imagesPerSecond: String, threads: String, details: [NamedValue]) {
        self.configJSON = configJSON
        self.datasetIdentity = datasetIdentity
        self.datasetDigest = datasetDigest
        self.engineVersion = engineVersion
        self.wallTime = wallTime
        self.imagesPerSecond = imagesPerSecond
        self.threads = threads
        self.details = details
    }
}
