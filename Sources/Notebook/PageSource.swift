import Foundation

/// A page's text cut into its front matter and its Markdown.
///
/// The Markdown keeps the page's line numbering: front-matter lines are replaced by empty
/// lines, so line numbers cmark reports are line numbers in the file.
struct PageSource {
    /// The YAML between the `---` lines, or nil when the page has no front matter.
    let frontMatterYAML: String?
    /// File line of the first YAML line.
    let frontMatterFirstLine: Int
    /// The page's lines with `\n` endings, front matter blanked out.
    let markdown: String
    /// The Markdown's lines without endings; `lines[n - 1]` is file line n.
    let lines: [Substring]

    init(text: String, path: String) throws {
        let lines = PageSource.normalizedLines(text)
        frontMatterFirstLine = 2
        guard let first = lines.first, PageSource.isFrontMatterFence(first) else {
            frontMatterYAML = nil
            self.lines = lines
            markdown = lines.joined(separator: "\n")
            return
        }
        guard let close = lines.indices.dropFirst().first(where: { PageSource.isFrontMatterFence(lines[$0]) }) else {
            throw NotebookError(file: path, line: 1,
                                message: "front matter opened here is never closed: expected a line with just ---")
        }
        frontMatterYAML = lines[1..<close].joined(separator: "\n")
        let blanked = Array(repeating: Substring(), count: close + 1) + lines[(close + 1)...]
        self.lines = blanked
        markdown = blanked.joined(separator: "\n")
    }

    /// Lines of the text with `\r\n` and `\r` endings read as `\n` and a leading byte-order mark
    /// dropped, so bodies and line numbers do not depend on the editor that saved the page.
    private static func normalizedLines(_ text: String) -> [Substring] {
        // Most pages need no rewriting: skip the scalar-by-scalar copy.
        if text.range(of: "\r") == nil, text.unicodeScalars.first != "\u{FEFF}" {
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var normalized = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in scalars {
            if scalar == "\r" {
                normalized.append("\n")
            } else if !(scalar == "\n" && previousWasCarriageReturn) {
                normalized.append(scalar)
            }
            previousWasCarriageReturn = scalar == "\r"
        }
        return String(normalized).split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func isFrontMatterFence(_ line: Substring) -> Bool {
        line.trimmingTrailingBlanks() == "---"
    }
}
