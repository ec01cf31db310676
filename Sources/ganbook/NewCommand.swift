import ArgumentParser
import Book

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content/<slug>.md from a title, with front matter and a small gan block (never overwrites).")

    @Argument(help: "The page's title; the file name is made from it.") var title: String
    @Option(help: "Folder of Markdown pages.") var content = "content"

    func run() throws {
        print(try Ganbook.newPage(NewPageOptions(title: title, content: content)))
    }
}
