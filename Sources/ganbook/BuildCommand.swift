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
    @OptionGroup var engine: EngineOptions

    func run() throws {
        try Ganbook.build(BuildOptions(content: content, site: site, templates: templates, data: engine.data,
                                    threads: engine.threads, frozen: frozen))
    }
}
