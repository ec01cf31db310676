/// Hostile YAML texts: deep nesting in every style, and alias expansion bombs.
enum YAMLSamples {
    /// `a:` lines each indented one more space than the last.
    static func blockMappings(_ levels: Int) -> String {
        (0..<levels).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " 1\n"
    }

    /// `- - - … 1` on one line: compact nested block sequences.
    static func compactSequences(_ levels: Int) -> String {
        String(repeating: "- ", count: levels) + "1\n"
    }

    /// `key: [[[ … ]]]`.
    static func flowSequences(_ levels: Int, key: String = "key") -> String {
        "\(key): " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
    }

    /// `key: {a: {a: … 1}}`.
    static func flowMappings(_ levels: Int, key: String = "key") -> String {
        "\(key): " + String(repeating: "{a: ", count: levels) + "1" + String(repeating: "}", count: levels) + "\n"
    }

    /// The billion laughs: nine anchors, each a list of nine aliases of the one before (9⁹ values).
    static func laughs(finalKey: String = "bomb") -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        lines.append("\(finalKey): *a8")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same bomb written in block style, used as a mapping key.
    static func laughsInKey() -> String {
        var lines = ["x: &a0", "  - lol", "  - lol", "  - lol"]
        for level in 1...8 {
            lines.append("y\(level): &a\(level)")
            lines += Array(repeating: "  - *a\(level - 1)", count: 9)
        }
        lines += ["? *a8", ": boom"]
        return lines.joined(separator: "\n") + "\n"
    }
}
