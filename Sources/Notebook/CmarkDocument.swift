import CCmark
import Foundation

/// A Markdown document parsed by cmark-gfm with the GitHub extensions. Owns the C parser and
/// node tree and frees them when it goes away; nothing C-typed leaves this module.
final class CmarkDocument {
    /// Footnotes on; raw HTML passes through because authors own their pages; smart punctuation off.
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// The extension registry is global C state: fill it exactly once, even with pages parsed in parallel.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Kept alive until rendering: it owns the extension list the HTML renderer needs.
    private let parser: OpaquePointer
    let root: OpaquePointer

    init(markdown: String) {
        _ = CmarkDocument.extensionsRegistered
        guard let parser = cmark_parser_new(CmarkDocument.options) else {
            preconditionFailure("cmark_parser_new failed")
        }
        for name in CmarkDocument.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no \(name) extension")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        // Fed as bytes with a length, so a NUL in the page cannot cut it short.
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                if let start = characters.baseAddress {
                    cmark_parser_feed(parser, start, characters.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            preconditionFailure("cmark_parser_finish returned no document")
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The whole document as HTML, with the parser's extensions so tables and task lists render.
    func renderHTML() -> String {
        String(decoding: renderHTMLBytes(), as: UTF8.self)
    }

    /// The rendered HTML as the renderer wrote it, before any UTF-8 decoding.
    func renderHTMLBytes() -> [UInt8] {
        guard let html = cmark_render_html(root, CmarkDocument.options, cmark_parser_get_syntax_extensions(parser)) else {
            preconditionFailure("cmark_render_html failed")
        }
        defer { free(html) }
        return html.withMemoryRebound(to: UInt8.self, capacity: strlen(html)) { start in
            Array(UnsafeBufferPointer(start: start, count: strlen(html)))
        }
    }

    /// The document's top-level blocks in order.
    var topLevelBlocks: [OpaquePointer] {
        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            blocks.append(node)
            child = cmark_node_next(node)
        }
        return blocks
    }

    /// Every node of the tree, depth first, each visited once.
    var allNodes: [OpaquePointer] {
        CmarkDocument.nodes(under: root)
    }

    static func nodes(under subtreeRoot: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(subtreeRoot) else {
            preconditionFailure("cmark_iter_new failed")
        }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                nodes.append(node)
            }
        }
        return nodes
    }

    /// Puts an HTML block holding the bytes `html` (no NUL; not necessarily UTF-8) where `node`
    /// was, and frees `node`.
    func replace(_ node: OpaquePointer, withHTMLBlock html: [UInt8]) {
        precondition(!html.contains(0), "an HTML block cannot hold a NUL byte")
        guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else {
            preconditionFailure("cmark_node_new failed")
        }
        let literal = html.map { CChar(bitPattern: $0) } + [0]
        let literalSet = cmark_node_set_literal(block, literal) == 1
        let replaced = cmark_node_replace(node, block) == 1
        precondition(literalSet && replaced, "cannot replace a node in the cmark tree")
        cmark_node_free(node)
    }

    /// Puts raw inline HTML holding the bytes `html` (no NUL) where the inline `node` was, and frees `node`.
    func replace(_ node: OpaquePointer, withHTMLInline html: [UInt8]) {
        precondition(!html.contains(0), "inline HTML cannot hold a NUL byte")
        guard let inline = cmark_node_new(CMARK_NODE_HTML_INLINE) else {
            preconditionFailure("cmark_node_new failed")
        }
        let literal = html.map { CChar(bitPattern: $0) } + [0]
        let literalSet = cmark_node_set_literal(inline, literal) == 1
        let replaced = cmark_node_replace(node, inline) == 1
        precondition(literalSet && replaced, "cannot replace a node in the cmark tree")
        cmark_node_free(node)
    }
}
