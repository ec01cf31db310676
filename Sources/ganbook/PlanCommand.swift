import ArgumentParser
import Book

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the runs a build would train, or write them as Slurm or GNU parallel jobs.")

    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "Site folder; SITE/runs/ is the cache unless --cache is given.") var site = "site"
    @Option(help: "Templates (for the render job).") var templates = "templates"
    @Option(help: "Shared results cache outside the site (default $GANBOOK_CACHE_DIR).") var cache: String?
    @Flag(help: "Print the list as JSON.") var json = false
    @Flag(help: "Write a Slurm job array (one task per run) and a dependent render job.") var slurm = false
    @Flag(help: "Write a GNU parallel job list.") var parallel = false
    @Option(help: "Folder for the job files.") var out = "jobs"
    @Option(help: "Slurm partition.") var partition: String?
    @Option(help: "Slurm time limit of each task (default: from the estimate).") var time: String?
    @Option(help: "CPUs (and training threads) of each Slurm task.") var cpusPerTask = 1
    @Option(help: "Slurm memory of each task, e.g. 512M (default: from the estimate).") var mem: String?
    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if slurm && parallel { throw ValidationError("choose one of --slurm and --parallel") }
        if !slurm && (partition != nil || time != nil || mem != nil) {
            throw ValidationError("--partition, --time and --mem go with --slurm")
        }
    }

    func run() throws {
        try Ganbook.plan(PlanOptions(content: content, site: site, templates: templates, cache: cache, data: engine.data,
                                     threads: engine.threads, json: json,
                                     output: slurm ? .slurm : parallel ? .parallel : .listing, jobsFolder: out,
                                     partition: partition, time: time, cpusPerTask: cpusPerTask, memory: mem))
    }
}
