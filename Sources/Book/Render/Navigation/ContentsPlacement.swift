/// Puts the table of contents right under the page's title: after the prose's `<h1>` when the
/// prose has one (its block is split there), else first.
enum ContentsPlacement {
    static func insert(_ contents: ContentsView, into blocks: [PageBlockView]) -> [PageBlockView] {
        for (index, block) in blocks.enumerated() {
            guard let html = block.proseHTML, let end = html.range(of: "</h1>") else { continue }
            let head = String(html[..<end.upperBound]) + "\n"
            let rest = String(html[end.upperBound...])
            var result = Array(blocks[..<index]) + [.prose(head), .contents(contents)]
            if !rest.allSatisfy(\.isWhitespace) { result.append(.prose(rest)) }
            return result + blocks[(index + 1)...]
        }
        return [.contents(contents)] + blocks
    }
}
