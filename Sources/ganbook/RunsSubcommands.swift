import ArgumentParser
import Book

/// Where the runs subcommands look.
struct RunsLocation: ParsableArguments {
    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "Site folder whose runs/ is the cache.") var site = "site"
}

struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each cache entry: hash, the pages and ids using it, dataset, wall time, size.")
    @OptionGroup var location: RunsLocation

    func run() throws {
        try Ganbook.listRunEntries(RunsOptions(content: location.content, site: location.site, prune: false))
    }
}

struct RunsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every cache entry fully (hash of config.json, every file); report, never delete.")
    @OptionGroup var location: RunsLocation

    func run() throws {
        try Ganbook.verifyRuns(RunsOptions(content: location.content, site: location.site, prune: false))
    }
}

struct RunsGCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc", abstract: "Remove cache entries no page references (only folders named by a run hash).")
    @OptionGroup var location: RunsLocation
    @Flag(help: "List what would be removed; delete nothing.") var dryRun = false

    func run() throws {
        try Ganbook.collectRuns(RunsOptions(content: location.content, site: location.site, prune: !dryRun, dryRun: dryRun))
    }
}
