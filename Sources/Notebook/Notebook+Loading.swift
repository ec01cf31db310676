import Foundation

extension Notebook {
    /// Parses every `*.md` file directly inside `contentDirectory` (subfolders and hidden files
    /// are not read). The index page comes first, then the others by `order` (pages without
    /// one last), then title.
    /// - Throws: `NotebookError` with every problem of every page, not only the first.
    public static func loadPages(in contentDirectory: URL, directiveKinds: Set<String>) throws -> [Page] {
        let reading = try readPages(in: contentDirectory, directiveKinds: directiveKinds)
        if let problem = NotebookError.combined(reading.problems) { throw problem }
        return reading.pages
    }

    /// Every page that can be read, and every problem of every page: a page with wrong front
    /// matter is still returned (with default front matter) so its directives can be checked in
    /// the same pass; a page whose body cannot be read is left out.
    /// - Throws: `NotebookError` only when the folder itself cannot be listed.
    public static func readPages(in contentDirectory: URL, directiveKinds: Set<String>) throws
        -> (pages: [Page], problems: [NotebookError]) {
        let folder = contentDirectory.relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.path, isDirectory: &isFolder) else {
            throw NotebookError(file: folder, line: nil, message: "content folder not found")
        }
        guard isFolder.boolValue else {
            throw NotebookError(file: folder, line: nil, message: "expected a folder of Markdown pages, found a file")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: contentDirectory.path)
        } catch {
            throw NotebookError(file: folder, line: nil, message: "cannot list the content folder: \(error.localizedDescription)")
        }
        var pages: [Page] = []
        var problems: [NotebookError] = []
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let file = contentDirectory.appendingPathComponent(name)
            var isSubfolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isSubfolder), !isSubfolder.boolValue else {
                continue
            }
            do {
                let reading = try readPage(path: file.relativePath, text: try readText(file), directiveKinds: directiveKinds)
                pages.append(reading.page)
                problems += reading.problems
            } catch let error as NotebookError {
                problems += error.all
            }
        }
        return (PageOrder.sorted(pages), problems)
    }

    /// Far above any hand-written page; a larger file is refused before it is read whole.
    public static let maximumPageBytes = 16 << 20

    private static func readText(_ file: URL) throws -> String {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int, size > maximumPageBytes {
            throw NotebookError(file: file.relativePath, line: nil,
                                message: "the page is \(size) bytes, more than the \(maximumPageBytes) a page may have",
                                hint: "split it into several pages")
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw NotebookError(file: file.relativePath, line: nil, message: "cannot read the page: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: file.relativePath, line: nil, message: "the page is not UTF-8 text")
        }
        return text
    }
}
