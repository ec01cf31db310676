/// A pass over the raw text, before Yams parses it, that bounds how deeply its tree can nest.
///
/// Both measures over-count and never under-count, whatever the quoting: every `[` and `{`
/// is counted (quoted ones and those in comments too), and every column where a line's
/// indentation or a chain of `- `, `? `, `: ` indicators ends is taken as a column where a
/// block collection might start. Linear in the text's length.
struct YAMLNestingScan {
    let limits: YAMLLimits

    /// The 1-based line (of the text) where a bound is first exceeded, and why; nil when the
    /// text is within both bounds.
    func firstExcess(in text: String) -> (line: Int, message: String)? {
        let bytes = Array(text.utf8)
        var brackets = 0
        var columns = Set<Int>()
        var line = 1
        var lineStart = 0
        while lineStart <= bytes.count {
            let (lineEnd, breakLength) = YAMLNestingScan.lineEnd(in: bytes, from: lineStart)
            for start in chainColumns(bytes[lineStart..<lineEnd]) where columns.insert(start).inserted {
                if columns.count > limits.blockColumns {
                    return (line, "YAML nested too deeply: more than \(limits.blockColumns) indentation levels")
                }
            }
            for byte in bytes[lineStart..<lineEnd] where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                brackets += 1
                if brackets > limits.flowBrackets {
                    return (line, "YAML nested too deeply: more than \(limits.flowBrackets) '[' or '{'")
                }
            }
            line += 1
            lineStart = lineEnd + max(breakLength, 1)
        }
        return nil
    }

    /// Where the line starting at `start` ends and the length of its break. YAML (and so
    /// libyaml) breaks lines at `\n`, `\r`, `\r\n`, NEL, LS and PS: a nesting hidden
    /// behind any of them is still counted line by line.
    static func lineEnd(in bytes: [UInt8], from start: Int) -> (end: Int, breakLength: Int) {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                return (index, 1)
            case UInt8(ascii: "\r"):
                return (index, index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1)
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                return (index, 2)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return (index, 3)
            default:
                index += 1
            }
        }
        return (bytes.count, 0)
    }

    /// Columns (0-based) where this line's block collections could start: where its
    /// indentation ends, and after each `-`, `?`, `:` or `---` indicator and each `&anchor` or
    /// `!tag` in a row at its start.
    private func chainColumns(_ line: ArraySlice<UInt8>) -> [Int] {
        func isBlank(_ index: Int) -> Bool {
            index >= line.endIndex || line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t")
                || line[index] == UInt8(ascii: "\r")
        }
        var index = line.startIndex
        var starts: [Int] = []
        while index < line.endIndex, line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t") {
            index += 1
        }
        while index < line.endIndex {
            starts.append(index - line.startIndex)
            let byte = line[index]
            if [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(byte), isBlank(index + 1) {
                index += 1
            } else if line[index...].starts(with: "---".utf8), isBlank(index + 3) {
                index += 3
            } else if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!") {
                while !isBlank(index) { index += 1 }
            } else {
                break
            }
            while index < line.endIndex, isBlank(index) { index += 1 }
        }
        return starts
    }
}
