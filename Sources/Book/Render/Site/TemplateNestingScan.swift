/// A pass over a template's text, before swift-mustache parses it, that bounds how deeply its
/// sections nest: the parser, the partial check and the renderer all recurse once per level, and
/// a few thousand levels overflow the stack. Tags are read as the parser reads them, set-delimiter
/// tags (`{{=<% %>=}}`) included.
enum TemplateNestingScan {
    /// Far above any real template (the shipped ones nest three deep).
    static let maximumDepth = 100

    /// The 1-based line of the first tag that opens a section beyond `maximumDepth`, or nil.
    static func firstExcess(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0
        var line = 1
        var index = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            guard matches(open, at: index) else { index += 1; continue }
            var start = index + open.count
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            guard start < bytes.count else { break }
            let kind = bytes[start]
            // A triple mustache ends with "}" before the closing delimiter.
            let end = kind == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : close
            var stop = start
            while stop < bytes.count, !matches(end, at: stop) {
                if bytes[stop] == UInt8(ascii: "\n") { line += 1 }
                stop += 1
            }
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > maximumDepth { return line }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                // {{=<% %>=}}: the new delimiters, separated by blanks, before the closing "=".
                let body = bytes[(start + 1)..<min(stop, bytes.count)]
                let parts = body.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "=") })
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            default:
                break
            }
            index = stop + end.count
        }
        return nil
    }
}
