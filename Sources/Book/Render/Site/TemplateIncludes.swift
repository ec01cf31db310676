import Foundation

/// Checks, when templates are loaded, that rendering cannot fail on a partial: every
/// `{{>name}}` names a loaded template, no template includes itself (directly or through
/// others, which would recurse until the stack overflows), and no partial is dynamic (its
/// target, known only while rendering, could close a cycle).
struct TemplateIncludes {
    /// Template name → partials it includes, in order.
    private(set) var references: [String: [TemplatePartials.Reference]] = [:]
    /// Template name → its file and text (for the line of a reference).
    private(set) var sources: [String: (file: String, text: String)] = [:]

    mutating func add(_ name: String, file: String, text: String, references found: [TemplatePartials.Reference]) {
        references[name] = found
        sources[name] = (file, text)
    }

    func check() throws {
        let names = references.keys.sorted()
        for name in names {
            for reference in references[name] ?? [] {
                if reference.isDynamic {
                    throw error(in: name, reference: reference, message: "dynamic partial {{>*\(reference.name)}} is not supported",
                                hint: "name the partial: {{>\(reference.name)}}")
                }
                if references[reference.name] == nil {
                    throw error(in: name, reference: reference, message: "unknown partial {{>\(reference.name)}}",
                                hint: ClosestName.hint(for: reference.name, among: names, allowed: "templates"))
                }
            }
        }
        var finished = Set<String>()
        for name in names {
            var path: [String] = []
            try visit(name, path: &path, finished: &finished)
        }
    }

    /// Depth-first walk; `path` is the chain of includes from the walk's start to `name`.
    private func visit(_ name: String, path: inout [String], finished: inout Set<String>) throws {
        if let start = path.firstIndex(of: name) {
            let cycle = path[start...] + [name]
            let includer = path[path.count - 1]
            throw error(in: includer, reference: TemplatePartials.Reference(name: name, isDynamic: false),
                        message: cycle.count == 2 ? "template \(name) includes itself"
                            : "templates include each other in a cycle: \(cycle.joined(separator: " → "))",
                        hint: "a partial must not include, directly or through others, the template that includes it")
        }
        guard !finished.contains(name) else { return }
        path.append(name)
        for reference in references[name] ?? [] {
            try visit(reference.name, path: &path, finished: &finished)
        }
        path.removeLast()
        finished.insert(name)
    }

    private func error(in name: String, reference: TemplatePartials.Reference, message: String, hint: String) -> BookError {
        let source = sources[name]
        return BookError(file: source?.file ?? name, line: source.flatMap { line(of: reference, in: $0.text) },
                         message: message, hint: hint)
    }

    /// The line of the first tag that includes `reference` (with the default delimiters).
    private func line(of reference: TemplatePartials.Reference, in text: String) -> Int? {
        let name = NSRegularExpression.escapedPattern(for: reference.name)
        guard let range = text.range(of: #"\{\{\s*[<>]\s*\*?\s*"# + name + #"\s*\}\}"#, options: .regularExpression) else {
            return nil
        }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
