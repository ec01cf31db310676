/// `ganbook plan`: what to list or which job files to write.
public struct PlanOptions {
    public enum Output: Sendable { case listing, slurm, parallel }

    public var content: String
    public var site: String
    public var templates: String
    /// `--cache`; nil: `$GANBOOK_CACHE_DIR`, else `site/runs/`.
    public var cache: String?
    public var data: String?
    /// Threads a run trains with (the listing's and the parallel jobs'); Slurm tasks use `cpusPerTask`.
    public var threads: Int
    public var json: Bool
    public var output: Output
    /// Folder for the job files.
    public var jobsFolder: String
    public var partition: String?
    public var time: String?
    public var cpusPerTask: Int
    public var memory: String?

    public init(content: String, site: String, templates: String, cache: String?, data: String?, threads: Int,
                json: Bool, output: Output, jobsFolder: String, partition: String?, time: String?, cpusPerTask: Int,
                memory: String?) {
        self.content = content
        self.site = site
        self.templates = templates
        self.cache = cache
        self.data = data
        self.threads = threads
        self.json = json
        self.output = output
        self.jobsFolder = jobsFolder
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
    }
}

/// `ganbook run HASH`: one planned run into the cache.
public struct RunOptions {
    public var content: String
    public var site: String
    public var cache: String?
    public var hash: String
    public var data: String?
    public var threads: Int

    public init(content: String, site: String, cache: String?, hash: String, data: String?, threads: Int) {
        self.content = content
        self.site = site
        self.cache = cache
        self.hash = hash
        self.data = data
        self.threads = threads
    }
}
