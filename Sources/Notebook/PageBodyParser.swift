import CCmark

/// Turns a page's Markdown into prose and directive blocks.
///
/// The whole document is parsed and rendered at once, with each directive replaced by a
/// placeholder comment that the HTML is then split on. Rendering once keeps footnotes
/// working across directives: their definitions end up in the last prose block.
struct PageBodyParser {
    let path: String
    let directiveKinds: Set<String>

    func parse(_ source: PageSource) throws -> PageBody {
        let document = CmarkDocument(markdown: source.markdown)
        try rejectNestedDirectives(in: document)
        let topLevel = document.topLevelBlocks.map(CmarkNode.init)
        let firstHeadingText = topLevel.first { $0.type == CMARK_NODE_HEADING && $0.headingLevel == 1 }
            .flatMap(plainText)

        let directiveNodes = topLevel.filter(isDirective)
        var directives: [Directive] = []
        for (index, node) in directiveNodes.enumerated() {
            guard isClosed(node, lines: source.lines) else {
                throw NotebookError(file: path, line: node.startLine,
                                    message: "\(node.infoWord) directive: the fence opened here is never closed")
            }
            directives.append(Directive(kind: node.infoWord, body: node.literal, line: node.startLine + 1, index: index))
        }

        let marker = PageBodyParser.placeholderMarker(avoiding: source.markdown)
        for (index, node) in directiveNodes.enumerated() {
            document.replace(node.pointer, withHTMLBlock: PageBodyParser.placeholder(marker, index))
        }
        let blocks = PageBodyParser.split(document.renderHTML(), marker: marker, directives: directives)
        return PageBody(blocks: blocks, firstHeadingText: firstHeadingText)
    }

    private func isDirective(_ node: CmarkNode) -> Bool {
        node.type == CMARK_NODE_CODE_BLOCK && node.fence != nil && directiveKinds.contains(node.infoWord)
    }

    /// A directive inside a list, quote or footnote would split that container's HTML in two.
    private func rejectNestedDirectives(in document: CmarkDocument) throws {
        for node in document.allNodes.map(CmarkNode.init) where isDirective(node) && node.parent != document.root {
            throw NotebookError(file: path, line: node.startLine,
                                message: "\(node.infoWord) directive inside a list, quote or footnote: "
                                    + "directives must stand at the top level of the page")
        }
    }

    /// cmark runs an unclosed fence to the end of the document without saying so; a fence is
    /// closed exactly when its last line is a closing fence (content lines never are).
    private func isClosed(_ node: CmarkNode, lines: [Substring]) -> Bool {
        guard let fence = node.fence, node.endLine > node.startLine, node.endLine <= lines.count else { return false }
        let line = lines[node.endLine - 1]
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return false }
        let rest = line.dropFirst(indent.count)
        let fenceRun = rest.prefix { $0 == fence.character }
        return fenceRun.count >= fence.length && rest.dropFirst(fenceRun.count).trimmingTrailingBlanks().isEmpty
    }

    /// A heading's text without markup: `# The *minimax* loss` gives "The minimax loss".
    private func plainText(_ heading: CmarkNode) -> String? {
        var text = ""
        for node in CmarkDocument.nodes(under: heading.pointer).map(CmarkNode.init) {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A comment text that cannot already occur in the page.
    static func placeholderMarker(avoiding markdown: String) -> String {
        var marker = "ganbook-directive-"
        while markdown.contains(marker) {
            marker += "x"
        }
        return marker
    }

    static func placeholder(_ marker: String, _ index: Int) -> String {
        "<!--\(marker)\(index)-->"
    }

    /// Cuts the rendered HTML at each directive's placeholder, dropping empty prose between them.
    static func split(_ html: String, marker: String, directives: [Directive]) -> [PageBlock] {
        var blocks: [PageBlock] = []
        var rest = Substring(html)
        func appendProse(_ prose: Substring) {
            if !prose.allSatisfy(\.isWhitespace) {
                blocks.append(.prose(html: String(prose)))
            }
        }
        for directive in directives {
            guard let range = rest.range(of: placeholder(marker, directive.index)) else {
                preconditionFailure("rendered HTML lost the placeholder of directive \(directive.index)")
            }
            appendProse(rest[..<range.lowerBound])
            blocks.append(.directive(directive))
            rest = rest[range.upperBound...]
            // The renderer ends every HTML block with a newline; it belongs to the placeholder.
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        appendProse(rest)
        return blocks
    }
}
