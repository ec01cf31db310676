import Foundation

extension Notebook {
    /// Parses every `*.md` file directly inside `contentDirectory` (subfolders and hidden files
    /// are not read). The index page comes first, then the others by `order` (pages without
    /// one last), then title.
    public static func loadPages(in contentDirectory: URL, directiveKinds: Set<String>) throws -> [Page] {
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
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let file = contentDirectory.appendingPathComponent(name)
            var isSubfolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isSubfolder), !isSubfolder.boolValue else {
                continue
            }
            pages.append(try parsePage(path: file.relativePath, text: try readText(file), directiveKinds: directiveKinds))
        }
        return PageOrder.sorted(pages)
    }

    private static func readText(_ file: URL) throws -> String {
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
