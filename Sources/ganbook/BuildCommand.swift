import ArgumentParser
import Book

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Train what has no cached result, then render content/ into site/.")

    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "Output folder; results are cached in SITE/runs/.") var site = "site"
    @Option(help: "Templates and static assets.") var templates = "templates"
    @Flag(help: "Train nothing: fail if any run has no cached result (for CI).") var frozen = false
    @Option(help: "Shared results cache outside the site (default $GANBOOK_CACHE_DIR); runs train into it, pages' entries are copied into SITE/runs/.")
    var cache: String?
    @OptionGroup var engine: EngineOptions
    @Option(help: ArgumentHelp("Build this page (slug, file name or path) and the index only.", valueName: "page"))
    var only: String?
    @Option(help: ArgumentHelp("Train this run again (id, page/id or hash); its entry is replaced only once the new one is complete. Repeatable.",
                               valueName: "id|hash"))
    var rerun: [String] = []
    @Flag(help: "List each run that would train, with its estimated time on this machine, and the total; change nothing.")
    var dryRun = false
    @Option(name: .customShort("j"), help: ArgumentHelp("Runs to train at once, --threads divided between them (default: one per 4 cores).",
                                                        valueName: "n"))
    var jobs: Int?
    @Flag(help: "Train and render what can be, list every failure at the end, exit 1.") var keepGoing = false
    @Option(help: .hidden) var trainOnly: String?
    @Option(help: .hidden) var trainConfig: String?
    @Option(help: .hidden) var trainName: String?
    @Option(help: .hidden) var trainSource: String?
    @Option(help: .hidden) var trainLine: Int?

    func validate() throws {
        if let jobs, !(1...64).contains(jobs) { throw ValidationError("-j must be between 1 and 64, got \(jobs)") }
    }

    func run() throws {
        var options = BuildOptions(content: content, site: site, templates: templates, data: engine.data,
                                   threads: engine.threads, frozen: frozen)
        options.cache = cache
        options.only = only
        options.rerun = rerun
        options.dryRun = dryRun
        options.jobs = jobs
        options.keepGoing = keepGoing
        options.trainOnly = trainOnly
        if let trainConfig {
            options.trainChild = TrainChild(configPath: trainConfig, name: trainName ?? "run", source: trainSource ?? content,
                                            line: trainLine ?? 0)
        }
        try Ganbook.build(options)
    }
}
