import ArgumentParser
import Book

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List cached runs with the pages that use them, verify them, remove unused ones.",
        subcommands: [RunsListCommand.self, RunsVerifyCommand.self, RunsGCCommand.self])

    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "Site folder whose runs/ is the cache.") var site = "site"
    @Flag(help: "Delete cache entries (folders named by a run hash) that no page references.") var prune = false
    @Flag(help: "With --prune or gc: list what would be removed, delete nothing.") var dryRun = false

    func run() throws {
        try Ganbook.listRuns(RunsOptions(content: content, site: site, prune: prune, dryRun: dryRun))
    }
}
