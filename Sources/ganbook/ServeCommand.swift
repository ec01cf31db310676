import ArgumentParser
import Book
import Preview

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve site/ on this machine; with --watch, rebuild on every change and reload open pages.")

    @Option(help: "Port to listen on (0: any free port, printed).") var port = 8000
    @Option(help: "Address to listen on (127.0.0.1: this machine only).") var host = "127.0.0.1"
    @Flag(help: "Build first, rebuild when content/ or templates/ change, and reload open pages.") var watch = false
    @Option(help: "Folder of Markdown pages.") var content = "content"
    @Option(help: "The site folder to serve.") var site = "site"
    @Option(help: "Templates and static assets.") var templates = "templates"
    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
    }

    func run() throws {
        try Preview.serve(ServeOptions(host: host, port: port, watch: watch, build: BuildOptions(
            content: content, site: site, templates: templates, data: engine.data, threads: engine.threads, frozen: false)))
    }
}
