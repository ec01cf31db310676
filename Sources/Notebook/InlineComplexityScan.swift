/// A pass over a page's lines, before cmark-gfm parses them, that bounds the work of its inline
/// parser. cmark-gfm 0.29 takes time quadratic in a paragraph's emphasis marks and closing
/// brackets together (every link closed re-walks the marks before it): a 200 KB paragraph of
/// `*a* [b](c)` takes minutes. Real prose is nowhere near the bound.
///
/// The measure over-counts and never under-counts: for each run of non-blank lines outside
/// fenced code (a paragraph, or several blocks with no blank line between them), every `*` and
/// `_` times every `]`. Linear in the page's length.
struct InlineComplexityScan {
    /// Marks × brackets allowed in one run of lines: 4,000 of each parse in well under a second.
    static let limit = 16_000_000

    /// The first run of lines over the bound: its first line (1-based) and its counts.
    static func firstExcess(in lines: [Substring]) -> (line: Int, marks: Int, brackets: Int)? {
        var fence: (character: Character, length: Int)?
        var runStart: Int?
        var marks = 0, brackets = 0
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            if let open = fence {
                let run = rest.prefix { $0 == open.character }
                if indent.count <= 3, run.count >= open.length, rest.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
                continue
            }
            if indent.count <= 3, let first = rest.first, first == "`" || first == "~" {
                let run = rest.prefix { $0 == first }
                if run.count >= 3, first == "~" || !rest.dropFirst(run.count).contains("`") {
                    fence = (first, run.count)
                    runStart = nil
                    continue
                }
            }
            guard line.contains(where: { $0 != " " && $0 != "\t" }) else {
                runStart = nil
                continue
            }
            if runStart == nil { (runStart, marks, brackets) = (index + 1, 0, 0) }
            for character in line.utf8 {
                if character == UInt8(ascii: "*") || character == UInt8(ascii: "_") {
                    marks += 1
                } else if character == UInt8(ascii: "]") {
                    brackets += 1
                }
            }
            if marks * brackets > limit, let start = runStart { return (start, marks, brackets) }
        }
        return nil
    }
}
