import Foundation

/// `ganbook new "Title"`: writes `content/<slug>.md`, never over an existing file (the
/// file is created exclusively, so not through a link either), and returns its path.
struct NewPage {
    let options: NewPageOptions

    func create() throws -> String {
        let title = options.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, !title.contains("\n") else {
            throw BookError(file: options.content, message: "a page title must be one non-empty line",
                            hint: #"for example: ganbook new "Mode collapse on ring8""#)
        }
        let slug = PageSlug.from(title: title)
        guard !slug.isEmpty else {
            throw BookError(file: options.content, message: "the title \"\(title)\" has no letter or digit to name the file after",
                            hint: "use a title with some ASCII letters or digits")
        }
        let folder = URL(fileURLWithPath: options.content, isDirectory: true)
        try SiteOutput.ensureFolder(folder, what: "content folder")
        let path = folder.appendingPathComponent(slug + ".md").path
        let display = (options.content as NSString).appendingPathComponent(slug + ".md")
        let data = Data(NewPageText.text(title: title, id: "first-run").utf8)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST {
                throw BookError(file: display, message: "already exists; ganbook new never overwrites a page",
                                hint: "choose another title, or edit the page")
            }
            throw FileProblem.error(display, "create the page", code: code)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do { try handle.write(contentsOf: data) } catch {
            unlink(path)  // our own, just created: never leave half a page
            throw FileProblem.error(display, "write the page", error)
        }
        return display
    }
}
