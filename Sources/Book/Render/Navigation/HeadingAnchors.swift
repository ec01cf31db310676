import Foundation

/// Gives the prose's `<h2>` and `<h3>` headings an `id` (from their text, unique on the page)
/// and lists them for the table of contents. Only headings as the Markdown renderer writes
/// them (no attributes) are touched: a hand-written `<h2 id="…">` keeps its own.
struct HeadingAnchors {
    private(set) var entries: [TableOfContentsEntry] = []
    private var used: Set<String>

    /// `reserved`: anchors the page already has (experiment blocks' `run-<id>`).
    init(reserved: Set<String> = []) {
        used = reserved
    }

    private static let heading = try! NSRegularExpression(pattern: "<h([23])>(.*?)</h\\1>", options: [.dotMatchesLineSeparators])
    private static let tag = try! NSRegularExpression(pattern: "<[^>]*>")
    /// A formula not yet typeset (anchors are set before math is): its TeX stands for it in a title.
    private static let math = try! NSRegularExpression(
        pattern: "<span class=\"math math-(?:inline|display)\" data-math=\"[0-9]+\">\\\\[(\\[]([^<]*)\\\\[)\\]]</span>")

    /// The HTML with ids added; entries grow in document order.
    mutating func anchor(_ html: String) -> String {
        let text = html as NSString
        var result = ""
        var position = 0
        for match in Self.heading.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let level = text.substring(with: match.range(at: 1))
            let inner = text.substring(with: match.range(at: 2))
            let title = Self.plainText(inner)
            let anchor = unique(Self.slug(title))
            entries.append(TableOfContentsEntry(title: title, anchor: anchor, level: Int(level)!))
            result += text.substring(with: NSRange(location: position, length: match.range.location - position))
            result += "<h\(level) id=\"\(anchor)\">\(inner)</h\(level)>"
            position = match.range.location + match.range.length
        }
        return result + text.substring(from: position)
    }

    private mutating func unique(_ slug: String) -> String {
        var candidate = slug
        var number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Heading text without tags, with the renderer's entities decoded.
    static func plainText(_ html: String) -> String {
        let tex = math.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "$1")
        let stripped = tag.stringByReplacingMatches(in: tex, range: NSRange(tex.startIndex..., in: tex), withTemplate: "")
        return stripped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Lowercase letters and digits joined by single hyphens: "Minimax vs. non-saturating" gives
    /// "minimax-vs-non-saturating".
    static func slug(_ title: String) -> String {
        var slug = ""
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }
}
