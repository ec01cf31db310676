import Notebook

/// Shorthands shared by the tests.
enum PageParsing {
    static let siteKinds: Set<String> = ["gan", "gan-compare", "gan-table"]

    static func page(_ text: String, path: String = "content/page.md") throws -> Page {
        try Notebook.parsePage(path: path, text: text, directiveKinds: siteKinds)
    }

    /// The HTML of a page that holds only prose.
    static func html(_ markdown: String) throws -> String {
        let blocks = try page(markdown).blocks
        guard blocks.count == 1, case .prose(let html) = blocks[0] else {
            return "unexpected blocks: \(blocks)"
        }
        return html
    }

    /// The error parsing `text` throws, or nil when it parses.
    static func error(_ text: String, path: String = "content/page.md") -> NotebookError? {
        do {
            _ = try page(text, path: path)
            return nil
        } catch let error as NotebookError {
            return error
        } catch {
            return NotebookError(file: "unexpected", line: nil, message: "\(error)")
        }
    }
}
