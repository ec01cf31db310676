import Foundation

/// Reads the notebook's Markdown pages.
public enum Notebook {
    /// Parses one page. `path` names the page in errors and gives its slug; `directiveKinds` are
    /// the info strings (first word, matched case-insensitively) whose fenced blocks are
    /// directives rather than code.
    /// - Throws: `NotebookError` with every problem of the page.
    public static func parsePage(path: String, text: String, directiveKinds: Set<String>) throws -> Page {
        let reading = try readPage(path: path, text: text, directiveKinds: directiveKinds)
        if let problem = NotebookError.combined(reading.problems) { throw problem }
        return reading.page
    }

    /// Parses one page as far as it can: a page whose front matter is wrong still yields its
    /// body (with default front matter), so its directives can be checked in the same pass.
    /// - Throws: `NotebookError` when the body itself cannot be read (an unclosed fence, a
    ///   directive inside a list).
    public static func readPage(path: String, text: String, directiveKinds: Set<String>) throws
        -> (page: Page, problems: [NotebookError]) {
        let source = try PageSource(text: text, path: path)
        var problems: [NotebookError] = []
        var frontMatter = FrontMatter()
        if let yaml = source.frontMatterYAML {
            do {
                frontMatter = try FrontMatterDecoder(path: path, firstLine: source.frontMatterFirstLine).decode(yaml)
            } catch let error as NotebookError {
                problems += error.all
            }
        }
        let body = try PageBodyParser(path: path, directiveKinds: Set(directiveKinds.map { $0.lowercased() }))
            .parse(source)
        let slug = slug(forPath: path)
        let page = Page(slug: slug, sourcePath: path, frontMatter: frontMatter,
                        title: frontMatter.title ?? body.firstHeadingText ?? slug, blocks: body.blocks,
                        math: body.math)
        return (page, problems)
    }

    /// The file name without its `.md` extension.
    static func slug(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
