import Foundation
import CCmark

/// Turns a page's Markdown into prose and directive blocks.
///
/// The whole document is parsed and rendered at once, with each directive replaced by a
/// placeholder that the HTML is then split on. Rendering once keeps footnotes working across
/// directives: their definitions end up in the last prose block.
///
/// A placeholder is the byte 0xFF, the directive's number, and 0xFF again. 0xFF never occurs in
/// UTF-8, the page is valid UTF-8 (a Swift String) and cmark replaces any invalid byte it meets,
/// so no page text can forge or disturb a placeholder, and splitting is one linear pass.
struct PageBodyParser {
    let path: String
    let directiveKinds: Set<String>

    /// `directiveKinds` must be lowercase: info strings are matched case-insensitively, so
    /// ```` ```GAN ```` is a gan directive (kind `gan`), not a code block.
    func parse(_ source: PageSource) throws -> PageBody {
        if let excess = InlineComplexityScan.firstExcess(in: source.lines) {
            throw NotebookError(file: path, line: excess.line,
                                message: "this paragraph has \(excess.marks) emphasis marks (* or _) and \(excess.brackets) "
                                    + "closing brackets: more than the Markdown parser can read in reasonable time",
                                hint: "split it into paragraphs with blank lines")
        }
        if let line = MathExtraction.reservedCharacterLine(in: source.markdown) {
            throw NotebookError(file: path, line: line,
                                message: "the page holds U+E000, U+E001 or U+E002, private-use characters ganbook reserves for math",
                                hint: "remove them, or write them as HTML entities such as &#xE000;")
        }
        let math = MathExtraction(source.markdown)
        let document = CmarkDocument(markdown: String(math.markdown))
        var problems = nestedDirectiveProblems(in: document)
        let topLevel = document.topLevelBlocks.map(CmarkNode.init)
        let firstHeadingText = topLevel.first { $0.type == CMARK_NODE_HEADING && $0.headingLevel == 1 }
            .flatMap(plainText).map { MathExtraction.restore($0, formulas: math.formulas, plain: true) }

        let directiveNodes = topLevel.filter(isDirective)
        var directives: [Directive] = []
        for (index, node) in directiveNodes.enumerated() {
            if !isClosed(node, lines: source.lines) {
                problems.append(NotebookError(file: path, line: node.startLine,
                                              message: "\(node.infoWord) directive: the fence opened here is never closed"))
            }
            directives.append(Directive(kind: node.infoWord.lowercased(), body: node.literal,
                                        line: node.startLine + 1, index: index))
        }
        if let problem = NotebookError.combined(problems) { throw problem }

        let valueNodes = document.allNodes.map(CmarkNode.init).filter { $0.type == CMARK_NODE_CODE && $0.literal.hasPrefix("=") }
        let values = valueNodes.map { node in
            // cmark places a code span at its first character, the `=`.
            let text = node.literal.dropFirst()
            let spaces = text.prefix { $0 == " " }.count
            return InlineValue(text: text.trimmingCharacters(in: .whitespaces),
                               line: node.startLine, column: node.startColumn + 1 + spaces)
        }
        for (index, node) in directiveNodes.enumerated() {
            document.replace(node.pointer, withHTMLBlock: PageBodyParser.placeholder(index))
        }
        for (index, node) in valueNodes.enumerated() {
            document.replace(node.pointer, withHTMLInline: PageBodyParser.valuePlaceholder(index))
        }
        let blocks = PageBodyParser.split(document.renderHTMLBytes(), directives: directives, values: values).map { block in
            if case .prose(let html) = block { return PageBlock.prose(html: MathExtraction.restore(html, formulas: math.formulas)) }
            return block
        }
        return PageBody(blocks: blocks, firstHeadingText: firstHeadingText, math: math.formulas)
    }

    private func isDirective(_ node: CmarkNode) -> Bool {
        node.type == CMARK_NODE_CODE_BLOCK && node.fence != nil && directiveKinds.contains(node.infoWord.lowercased())
    }

    /// A directive inside a list, quote or footnote would split that container's HTML in two.
    private func nestedDirectiveProblems(in document: CmarkDocument) -> [NotebookError] {
        document.allNodes.map(CmarkNode.init).filter { isDirective($0) && $0.parent != document.root }.map { node in
            NotebookError(file: path, line: node.startLine,
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

    /// The byte that opens and closes a placeholder: never part of UTF-8 text.
    static let placeholderByte: UInt8 = 0xFF

    static func placeholder(_ index: Int) -> [UInt8] {
        [placeholderByte] + Array(String(index).utf8) + [placeholderByte]
    }

    /// The byte around an inline value's placeholder: never part of UTF-8 text either.
    static let valueByte: UInt8 = 0xFE

    static func valuePlaceholder(_ index: Int) -> [UInt8] {
        [valueByte] + Array(String(index).utf8) + [valueByte]
    }

    /// Cuts the rendered HTML at each directive's and inline value's placeholder, dropping empty
    /// prose between directives (prose around a value is kept whole: it holds its spaces).
    static func split(_ html: [UInt8], directives: [Directive], values: [InlineValue] = []) -> [PageBlock] {
        var blocks: [PageBlock] = []
        var proseStart = 0
        var position = 0
        var found = 0
        var foundValues = 0
        func appendProse(_ end: Int) {
            let prose = String(decoding: html[proseStart..<end], as: UTF8.self)
            let besideValue = blocks.last.map { if case .value = $0 { return true } else { return false } } ?? false
            if !prose.allSatisfy(\.isWhitespace) || (besideValue && !prose.isEmpty) {
                blocks.append(.prose(html: prose))
            }
        }
        while let open = html[position...].firstIndex(where: { $0 == placeholderByte || $0 == valueByte }) {
            if html[open] == valueByte {
                guard let close = html[(open + 1)...].firstIndex(of: valueByte),
                      let index = Int(String(decoding: html[(open + 1)..<close], as: UTF8.self)),
                      index == foundValues, foundValues < values.count
                else { preconditionFailure("rendered HTML holds a damaged value placeholder") }
                let prose = String(decoding: html[proseStart..<open], as: UTF8.self)
                if !prose.isEmpty { blocks.append(.prose(html: prose)) }
                blocks.append(.value(values[index]))
                foundValues += 1
                position = close + 1
                proseStart = position
                continue
            }
            guard let close = html[(open + 1)...].firstIndex(of: placeholderByte),
                  let index = Int(String(decoding: html[(open + 1)..<close], as: UTF8.self)),
                  index == found, found < directives.count
            else { preconditionFailure("rendered HTML holds a damaged placeholder") }
            appendProse(open)
            blocks.append(.directive(directives[index]))
            found += 1
            position = close + 1
            // The renderer ends every HTML block with a newline; it belongs to the placeholder.
            if position < html.count, html[position] == UInt8(ascii: "\n") { position += 1 }
            proseStart = position
        }
        precondition(found == directives.count, "rendered HTML lost the placeholder of directive \(found)")
        precondition(foundValues == values.count, "rendered HTML lost the placeholder of inline value \(foundValues)")
        appendProse(html.count)
        return blocks
    }
}
