import Foundation

/// Reads the text of a value reference: `[run.]key[@window][:format]`.
enum ReferenceParser {
    /// - Parameters:
    ///   - allowFormat: inline values take a `:format`; references inside claims do not.
    ///   - offset: where `text` starts in the claim, for error positions.
    static func parse(_ text: String, offset: Int = 0, allowFormat: Bool) throws -> ValueReference {
        let characters = Array(text)
        var depth = 0
        var at: Int?
        var colon: Int?
        var lastDot: Int?
        for (index, character) in characters.enumerated() {
            switch character {
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            case "@" where depth == 0 && at == nil && colon == nil: at = index
            case ":" where depth == 0 && colon == nil: colon = index
            case "." where depth == 0 && at == nil && colon == nil: lastDot = index
            default: break
            }
        }
        var format = ValueFormat.automatic
        if let colon {
            let name = String(characters[(colon + 1)...])
            guard allowFormat else {
                throw ClaimSyntaxError(message: "a claim takes no format (\(text))", offset: offset + colon, hint: "drop :\(name)")
            }
            guard let chosen = ValueFormat(name) else {
                throw ClaimSyntaxError(message: "unknown format :\(name)", offset: offset + colon,
                                       hint: "formats: \(ValueFormat.names.joined(separator: ", "))")
            }
            format = chosen
        }
        let end = colon ?? characters.count
        if let notebook = try notebookValue(String(characters[0..<end]), offset: offset) {
            return ValueReference(run: nil, key: notebook.measure.rawValue, window: .final, format: format, text: text,
                                  offset: offset, scope: notebook.scope)
        }
        var window = ValueWindow.final
        if let at {
            window = try parseWindow(String(characters[(at + 1)..<end]), offset: offset + at + 1)
        }
        let pathEnd = at ?? end
        let keyStart = lastDot.map { $0 + 1 } ?? 0
        let key = String(characters[keyStart..<pathEnd])
        let run = lastDot.map { String(characters[0..<$0]) }
        guard key.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
            throw ClaimSyntaxError(message: key.isEmpty ? "a value reference needs a key (\(text))" : "'\(key)' is not a key name",
                                   offset: offset + keyStart,
                                   hint: "write run.key, e.g. plain.modes_covered or mnist.d_fake@last (spaces around − and other operators)")
        }
        if let run, run.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?$"#, options: .regularExpression) == nil {
            throw ClaimSyntaxError(message: "'\(run)' is not a run id", offset: offset, hint: "ids use letters, digits, '-', '_' and '.'; a sweep's child is id[seed=2]")
        }
        return ValueReference(run: run, key: key, window: window, format: format, text: text, offset: offset)
    }

    /// `training_time`, `training_time(slug)`, `training_time(*)` and the same for `run_count`;
    /// nil when `path` is not one of them (it is then a run's value).
    static func notebookValue(_ path: String, offset: Int) throws -> (measure: NotebookMeasure, scope: NotebookScope)? {
        guard let measure = NotebookMeasure.allCases.first(where: { path == $0.rawValue || path.hasPrefix($0.rawValue + "(")
                                                               || path.hasPrefix($0.rawValue + "@") }) else { return nil }
        let name = measure.rawValue
        let hint = "write \(name) (this page), \(name)(page-slug) (another page) or \(name)(*) (the whole notebook)"
        if path == name { return (measure, .page) }
        guard path.hasPrefix(name + "("), path.hasSuffix(")") else {
            throw ClaimSyntaxError(message: path.hasPrefix(name + "@") ? "\(name) is one number for a set of runs: it takes no window"
                                       : "'\(path)' is not a notebook value", offset: offset + name.count, hint: hint)
        }
        let inside = path.dropFirst(name.count + 1).dropLast().trimmingCharacters(in: .whitespaces)
        guard !inside.isEmpty, !inside.contains(where: { "()@ ".contains($0) }) else {
            throw ClaimSyntaxError(message: "\(name)(\(inside)): name a page by its slug, or * for the whole notebook",
                                   offset: offset + name.count + 1, hint: hint)
        }
        return (measure, inside == "*" ? .notebook : .otherPage(inside))
    }

    static func parseWindow(_ text: String, offset: Int) throws -> ValueWindow {
        let hint = "windows: " + ValueWindow.names.joined(separator: ", ") + " (fractions of training from 0 to 1)"
        if text == "last" { return .last }
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw ClaimSyntaxError(message: "unknown window @\(text)", offset: offset, hint: hint)
        }
        let name = String(text[..<open])
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        let argumentOffset = offset + text.distance(from: text.startIndex, to: open) + 1
        func number(_ part: Substring) throws -> Double {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ClaimSyntaxError(message: "@\(name): '\(part)' is not a number", offset: argumentOffset, hint: hint)
            }
            return value
        }
        switch name {
        case "mean", "min", "max":
            let parts = inside.components(separatedBy: "..")
            guard parts.count == 2 else {
                throw ClaimSyntaxError(message: "@\(name) takes a range of training such as (0.5..1)", offset: argumentOffset, hint: hint)
            }
            let (a, b) = (try number(Substring(parts[0])), try number(Substring(parts[1])))
            guard 0 <= a, a < b, b <= 1 else {
                throw ClaimSyntaxError(message: "@\(name)(\(inside)): the range must go up, from 0 to 1 at most (fractions of training)",
                                       offset: argumentOffset, hint: "e.g. (0.5..1) for the second half")
            }
            return name == "mean" ? .mean(a, b) : name == "min" ? .min(a, b) : .max(a, b)
        case "epoch", "iteration":
            let n = try number(Substring(inside))
            guard n >= 0 else { throw ClaimSyntaxError(message: "@\(name)(\(inside)) must be at least 0", offset: argumentOffset) }
            return name == "epoch" ? .epoch(n) : .iteration(n)
        default:
            throw ClaimSyntaxError(message: "unknown window @\(name)", offset: offset, hint: hint)
        }
    }
}
