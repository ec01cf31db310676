import ArgumentParser
import Book

// The subcommands take --content, --site (and gc its --dry-run) from `runs` itself, whose
// options may stand before or after the subcommand's name.

struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each cache entry: hash, the pages and ids using it, dataset, wall time, size.")
    @ParentCommand var runs: RunsCommand

    func run() throws {
        try Ganbook.listRunEntries(RunsOptions(content: runs.content, site: runs.site, prune: false))
    }
}

struct RunsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every cache entry fully (hash of config.json, every file); report, never delete.")
    @ParentCommand var runs: RunsCommand

    func run() throws {
        try Ganbook.verifyRuns(RunsOptions(content: runs.content, site: runs.site, prune: false))
    }
}

struct RunsGCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc", abstract: "Remove cache entries no page references (only folders named by a run hash); --dry-run lists them.")
    @ParentCommand var runs: RunsCommand

    func run() throws {
        try Ganbook.collectRuns(RunsOptions(content: runs.content, site: runs.site, prune: !runs.dryRun, dryRun: runs.dryRun))
    }
}
