import Foundation

/// Takes TeX math out of a page's Markdown before cmark reads it (cmark would turn `\(` into `(`
/// and `a_1 … b_2` into emphasis), leaving a placeholder per formula, and puts each formula back
/// into the rendered HTML as `<span class="math math-inline" data-math="N">\(TeX\)</span>`, its
/// source readable as it is until something typesets it.
///
/// Math inside code spans, fenced and indented code blocks is left alone; `\$` is a dollar sign.
/// A `$` opens inline math only when the next character is not a space, and closes it only when
/// the previous one is not a space and the next is not a digit (Pandoc's rule), so "$5 and $10"
/// stays prose.
///
/// A placeholder is U+E000, the formula's number, one "\n U+E002" per line break inside the
/// formula (so the file's line numbering survives), and U+E001; pages may not hold those
/// private-use characters themselves.
struct MathExtraction {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    static let lineMark: Unicode.Scalar = "\u{E002}"

    private(set) var markdown = String.UnicodeScalarView()
    private(set) var formulas: [MathFormula] = []

    /// The first line holding a reserved character, if any.
    static func reservedCharacterLine(in source: String) -> Int? {
        var line = 1
        for scalar in source.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar == open || scalar == close || scalar == lineMark { return line }
        }
        return nil
    }

    init(_ source: String) {
        let scalars = Array(source.unicodeScalars)
        var fence: (character: Unicode.Scalar, length: Int)?
        var previousBlank = true
        var inIndentedCode = false
        var region: [Unicode.Scalar] = []
        var regionLine = 1
        var line = 1
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            let text = scalars[start..<end]
            let hasNewline = end < scalars.count
            let indent = text.prefix { $0 == " " }.count
            let body = text.dropFirst(min(indent, 3)).drop { $0 == ">" || $0 == " " }
            let blank = text.allSatisfy { $0 == " " || $0 == "\t" }
            let run = body.prefix { $0 == "`" || $0 == "~" }
            let isCodeLine: Bool
            if let open = fence {
                if run.count >= open.length, run.allSatisfy({ $0 == open.character }),
                   body.dropFirst(run.count).allSatisfy({ $0 == " " }) { fence = nil }
                isCodeLine = true
            } else if indent <= 3, run.count >= 3, let first = run.first, run.allSatisfy({ $0 == first }),
                      !(first == "`" && body.dropFirst(run.count).contains("`")) {
                fence = (first, run.count)
                isCodeLine = true
            } else if !blank, (indent >= 4 || text.first == "\t"), previousBlank || inIndentedCode {
                inIndentedCode = true
                isCodeLine = true
            } else {
                inIndentedCode = inIndentedCode && blank
                isCodeLine = false
            }
            if isCodeLine || blank {
                flush(&region, firstLine: regionLine)
                markdown.append(contentsOf: text)
                if hasNewline { markdown.append("\n") }
            } else {
                if region.isEmpty { regionLine = line }
                region.append(contentsOf: text)
                if hasNewline { region.append("\n") }
            }
            previousBlank = blank
            line += 1
            start = end + 1
        }
        flush(&region, firstLine: regionLine)
    }

    /// Copies a paragraph-like run of lines, replacing its formulas with placeholders.
    private mutating func flush(_ region: inout [Unicode.Scalar], firstLine: Int) {
        defer { region.removeAll(keepingCapacity: true) }
        var index = 0
        var line = firstLine
        func copy(_ range: Range<Int>) {
            for position in range {
                if region[position] == "\n" { line += 1 }
                markdown.append(region[position])
            }
        }
        while index < region.count {
            let scalar = region[index]
            if scalar == "\\", index + 1 < region.count {
                let next = region[index + 1]
                if next == "(" || next == "[", let end = find(next == "(" ? ["\\", ")"] : ["\\", "]"], in: region, from: index + 2) {
                    replace(index..<(end + 2), texRange: (index + 2)..<end, display: next == "[", region, &line)
                    index = end + 2
                    continue
                }
                copy(index..<(index + 2))
                index += 2
                continue
            }
            if scalar == "`" {
                let length = run(of: "`", in: region, at: index)
                if let end = closingBackticks(length, in: region, from: index + length) {
                    copy(index..<(end + length))
                    index = end + length
                } else {
                    copy(index..<(index + length))
                    index += length
                }
                continue
            }
            if scalar == "<", let end = tagEnd(in: region, from: index) {
                copy(index..<(end + 1))
                index = end + 1
                continue
            }
            if scalar == "$" {
                if index + 1 < region.count, region[index + 1] == "$" {
                    if let end = find(["$", "$"], in: region, from: index + 2), end > index + 2 {
                        replace(index..<(end + 2), texRange: (index + 2)..<end, display: true, region, &line)
                        index = end + 2
                        continue
                    }
                    copy(index..<(index + 2))
                    index += 2
                    continue
                }
                if let end = inlineClose(in: region, from: index + 1) {
                    replace(index..<(end + 1), texRange: (index + 1)..<end, display: false, region, &line)
                    index = end + 1
                    continue
                }
            }
            copy(index..<(index + 1))
            index += 1
        }
    }

    private mutating func replace(_ whole: Range<Int>, texRange: Range<Int>, display: Bool,
                                  _ region: [Unicode.Scalar], _ line: inout Int) {
        var tex = String.UnicodeScalarView(), source = String.UnicodeScalarView()
        tex.append(contentsOf: region[texRange])
        source.append(contentsOf: region[whole])
        formulas.append(MathFormula(tex: String(tex).trimmingCharacters(in: .whitespacesAndNewlines), isDisplay: display,
                                    line: line, source: String(source)))
        markdown.append(Self.open)
        markdown.append(contentsOf: String(formulas.count - 1).unicodeScalars)
        for scalar in region[whole] where scalar == "\n" {
            markdown.append("\n")
            markdown.append(Self.lineMark)
            line += 1
        }
        markdown.append(Self.close)
    }

    /// The index of the first `pattern` at or after `from`, skipping backslash pairs.
    private func find(_ pattern: [Unicode.Scalar], in region: [Unicode.Scalar], from: Int) -> Int? {
        var index = from
        while index + pattern.count <= region.count {
            if Array(region[index..<(index + pattern.count)]) == pattern { return index }
            if region[index] == "\n", index + 1 < region.count, region[index + 1] == "\n" { return nil }
            index += region[index] == "\\" && pattern.first != "\\" ? 2 : 1
        }
        return nil
    }

    private func inlineClose(in region: [Unicode.Scalar], from: Int) -> Int? {
        guard from < region.count, !Self.isSpace(region[from]), region[from] != "$" else { return nil }
        var index = from
        while index < region.count {
            let scalar = region[index]
            if scalar == "\\" { index += 2; continue }
            // A code span starts here: it takes precedence, so no formula runs into it.
            if scalar == "`" { return nil }
            if scalar == "$" {
                let next = index + 1 < region.count ? region[index + 1] : " "
                if !Self.isSpace(region[index - 1]), !("0"..."9").contains(next) { return index }
            }
            index += 1
        }
        return nil
    }

    private func run(of scalar: Unicode.Scalar, in region: [Unicode.Scalar], at index: Int) -> Int {
        var end = index
        while end < region.count, region[end] == scalar { end += 1 }
        return end - index
    }

    private func closingBackticks(_ length: Int, in region: [Unicode.Scalar], from: Int) -> Int? {
        var index = from
        while index < region.count {
            if region[index] == "`" {
                let found = run(of: "`", in: region, at: index)
                if found == length { return index }
                index += found
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The end of an HTML tag or autolink starting at `from` (`<a href="…">`, `<https://…>`),
    /// so a `$` in an attribute or URL is not math; nil when `<` starts no tag.
    private func tagEnd(in region: [Unicode.Scalar], from: Int) -> Int? {
        guard from + 1 < region.count else { return nil }
        let next = region[from + 1]
        guard next == "/" || next == "!" || properties(next) else { return nil }
        var index = from + 1
        while index < region.count, index - from < 1000 {
            if region[index] == ">" { return index }
            if region[index] == "<" { return nil }
            index += 1
        }
        return nil
    }

    private func properties(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// The rendered HTML with each placeholder replaced by its formula: a span holding the TeX
    /// with its delimiters (escaped), or, inside a tag (a link title, an image's alt text), the
    /// formula's source text. `plain` gives the source text everywhere (a heading's title).
    static func restore(_ html: String, formulas: [MathFormula], plain: Bool = false) -> String {
        guard html.unicodeScalars.contains(open) else { return html }
        var result = String.UnicodeScalarView()
        var inTag = false
        var number: Int?
        for scalar in html.unicodeScalars {
            if var digits = number {
                if scalar == close {
                    number = nil
                    guard digits < formulas.count else { continue }
                    let formula = formulas[digits]
                    let text: String
                    if plain { text = formula.source }
                    else if inTag { text = escape(formula.source, quotes: true) }
                    else { text = span(formula, index: digits) }
                    result.append(contentsOf: text.unicodeScalars)
                } else if ("0"..."9").contains(scalar), digits < 1_000_000 {
                    digits = digits * 10 + Int(scalar.value - 48)
                    number = digits
                }
                continue
            }
            if scalar == open { number = 0; continue }
            if scalar == "<" { inTag = true } else if scalar == ">" { inTag = false }
            result.append(scalar)
        }
        return String(result)
    }

    static func span(_ formula: MathFormula, index: Int) -> String {
        let kind = formula.isDisplay ? "display" : "inline"
        let delimiters = formula.isDisplay ? ("\\[", "\\]") : ("\\(", "\\)")
        return "<span class=\"math math-\(kind)\" data-math=\"\(index)\">\(delimiters.0)\(escape(formula.tex, quotes: false))\(delimiters.1)</span>"
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        var escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        if quotes { escaped = escaped.replacingOccurrences(of: "\"", with: "&quot;") }
        return escaped
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n"
    }
}
