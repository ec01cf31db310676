import ArgumentParser
import Book

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train one planned run of the notebook, by its hash, into the cache (a cluster worker's job).")

    @Argument(help: "The run's hash as ganbook plan lists it (or its first 8 or more digits).") var hash: String
    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "Site folder; SITE/runs/ is the cache unless --cache is given.") var site = "site"
    @Option(help: "Shared results cache outside the site (default $GANBOOK_CACHE_DIR).") var cache: String?
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try Ganbook.runOne(RunOptions(content: content, site: site, cache: cache, hash: hash, data: engine.data,
                                      threads: engine.threads))
    }
}
