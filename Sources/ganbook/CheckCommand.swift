import ArgumentParser
import Book

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every claim and inline value of the notebook against the cached runs (no training, no rendering).")

    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "Site folder whose runs/ is the cache.") var site = "site"

    func run() throws {
        try Ganbook.check(CheckOptions(content: content, site: site))
    }
}
