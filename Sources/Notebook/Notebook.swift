import Foundation

/// Reads the notebook's Markdown pages.
public enum Notebook {
    /// Parses one page. `path` names the page in errors and gives its slug; `directiveKinds` are
    /// the info strings (first word) whose fenced blocks are directives rather than code.
    public static func parsePage(path: String, text: String, directiveKinds: Set<String>) throws -> Page {
        let source = try PageSource(text: text, path: path)
        let frontMatter = try source.frontMatterYAML.map {
            try FrontMatterDecoder(path: path, firstLine: source.frontMatterFirstLine).decode($0)
        } ?? FrontMatter()
        let body = try PageBodyParser(path: path, directiveKinds: directiveKinds).parse(source)
        let slug = slug(forPath: path)
        return Page(slug: slug, sourcePath: path, frontMatter: frontMatter,
                    title: frontMatter.title ?? body.firstHeadingText ?? slug, blocks: body.blocks)
    }

    /// The file name without its `.md` extension.
    static func slug(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
