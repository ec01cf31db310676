/// Keys of `run.json` the renderer reads by meaning. Alternatives are listed in order of preference.
enum RunProvenanceKey {
    static let wallSeconds = "wall_seconds"
    static let imagesPerSecond = "images_per_second"
    static let threads = "threads"
    static let required = [wallSeconds, imagesPerSecond, threads]

    static let version = ["ganbook_version", "version"]
    static let commit = ["git_commit", "commit"]
    static let datasetIdentity = ["dataset_identity", "dataset"]
    static let datasetDigest = ["dataset_sha256", "dataset_digest"]
    static let engine = ["engine"]
    /// Absent from run.json files written before it was recorded.
    static let precision = "precision"
}
