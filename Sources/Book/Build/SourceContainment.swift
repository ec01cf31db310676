import Foundation

/// Refuses pages and templates that resolve outside their folder: a symbolic link in content/
/// or templates/ could otherwise publish any file the builder can read.
enum SourceContainment {
    /// Every file the loader would read in `folder` must resolve inside it, to a regular file
    /// (or a folder): a FIFO or device would hang or flood the reader.
    static func check(folder: URL, what: String, paths: [String]) throws {
        var problems: [Error] = []
        for path in paths {
            let url = folder.appendingPathComponent(path)
            let kind = FileKind.of(FileKind.resolved(url.path))
            if !FileKind.isInside(url.path, root: folder.path) {
                problems.append(BookError(
                    file: url.path,
                    message: "\(what) resolves to \(FileKind.resolved(url.path)), outside \(folder.path)",
                    hint: "a symbolic link may only point inside its folder; copy the file in instead"))
            } else if kind != .regular && kind != .directory && kind != .missing {
                problems.append(BookError(file: url.path, message: "\(what) is not a regular file (a FIFO, device or socket)",
                                          hint: "only regular files are read"))
            }
        }
        if let problem = SitePlanner.combine(problems) { throw problem }
    }

    /// The Markdown pages the notebook loader reads (top-level `*.md`, not hidden).
    static func pagePaths(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
    }

    /// Every file under the templates folder, links included, hidden ones skipped like the loader does.
    static func templatePaths(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            paths.append(path)
        }
        return paths.sorted()
    }
}
