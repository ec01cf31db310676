import Foundation

/// `ganbook plan`: the runs a build would train, listed (text or JSON) or written as Slurm or
/// GNU parallel job files. Trains nothing and writes nothing but the job files.
struct JobPlanner {
    let options: PlanOptions
    let console: Console
    var estimator: RunTimeEstimating = MeasuredRunTime()

    func run() throws {
        if options.output == .slurm { _ = try resources(for: PlanListing(items: [], cachedCount: 0, threads: 1, method: "")) }
        let stages = BuildStages(content: options.content, site: options.site, templates: options.templates,
                                 console: console)
        let plan = try stages.plan(try stages.loadPages())
        var missing = try stages.verifyCache(plan)
        let shared = CacheLocation.resolve(option: options.cache)
        if let shared {
            missing = try SharedCache(site: stages.cache, shared: RunCache(root: shared), console: console)
                .stillMissing(missing)
        }
        let threads = options.output == .slurm ? options.cpusPerTask : options.threads
        let listing = PlanListing(missing: missing, plan: plan, estimator: estimator, threads: threads)
        let context = JobContext.current(content: options.content, site: options.site, templates: options.templates,
                                         cache: shared, data: options.data, jobsFolder: options.jobsFolder)
        try write(listing, context: context)
    }

    /// The given resources, checked (before anything is measured), the rest from the listing.
    func resources(for listing: PlanListing) throws -> SlurmResources {
        try SlurmResources(partition: options.partition, time: options.time, cpusPerTask: options.cpusPerTask,
                           memory: options.memory, listing: listing)
    }

    func write(_ listing: PlanListing, context: JobContext) throws {
        console.line(options.json ? listing.json : listing.text)
        guard options.output != .listing else { return }
        guard !listing.items.isEmpty else {
            console.line("no job files written: nothing to train; `ganbook build` renders the site")
            return
        }
        let folder = URL(fileURLWithPath: options.jobsFolder, isDirectory: true)
        switch options.output {
        case .listing: return
        case .slurm:
            let jobs = SlurmJobs(listing: listing, context: context, resources: try resources(for: listing))
            try JobFolder.write(jobs.files, into: folder)
            console.line(jobs.instructions)
        case .parallel:
            let jobs = ParallelJobList(listing: listing, context: context, threads: options.threads)
            try JobFolder.write([jobs.file], into: folder)
            console.line(jobs.instructions)
        }
    }
}
