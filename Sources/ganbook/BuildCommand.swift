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

    func run() throws {
        var options = BuildOptions(content: content, site: site, templates: templates, data: engine.data,
                                   threads: engine.threads, frozen: frozen)
        options.cache = cache
        try Ganbook.build(options)
    }
}
