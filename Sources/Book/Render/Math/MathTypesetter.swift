import Foundation
import Notebook

/// Typesets the math spans of rendered prose (`<span class="math math-inline" data-math="N">`,
/// written by the Markdown reader around each formula's TeX) with KaTeX at build time, so pages
/// need no script for math, only KaTeX's stylesheet and fonts. Each formula is typeset once per
/// process (a `serve --watch` rebuild reuses them). Without the katex command, the spans keep
/// their TeX source, readable as written, and one note says why.
final class MathTypesetter: @unchecked Sendable {
    static let shared = MathTypesetter(command: KatexCommand.find())

    let command: KatexCommand?
    private let lock = NSLock()
    private var typeset: [String: String] = [:]
    private var notedMissingCommand = false
    /// Where the note goes (standard error; a test collects it).
    var note: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    init(command: KatexCommand?) {
        self.command = command
    }

    private static let span = try! NSRegularExpression(
        pattern: "<span class=\"math math-(inline|display)\" data-math=\"([0-9]+)\">[^<]*</span>")

    /// The HTML with every math span typeset; `typesetAny` tells whether KaTeX's stylesheet is needed.
    func typeset(_ html: String, formulas: [MathFormula], file: String) throws -> (html: String, typesetAny: Bool) {
        let text = html as NSString
        let matches = Self.span.matches(in: html, range: NSRange(location: 0, length: text.length))
        guard !matches.isEmpty else { return (html, false) }
        guard let command else {
            noteMissingCommand()
            return (html, false)
        }
        var result = ""
        var position = 0
        for match in matches {
            guard let index = Int(text.substring(with: match.range(at: 2))), index < formulas.count else { continue }
            let formula = formulas[index]
            let kind = formula.isDisplay ? "display" : "inline"
            let rendered: String
            switch cached(formula, command) {
            case .success(let html): rendered = html
            case .failure(let error):
                throw BookError(file: file, line: formula.line, message: "math \(formula.source.prefix(80)): \(error.message)",
                                hint: "KaTeX supports most of LaTeX's math mode; see katex.org/docs/supported")
            }
            result += text.substring(with: NSRange(location: position, length: match.range.location - position))
            result += "<span class=\"math math-\(kind)\">\(rendered)</span>"
            position = match.range.location + match.range.length
        }
        return (result + text.substring(from: position), true)
    }

    private func cached(_ formula: MathFormula, _ command: KatexCommand) -> Result<String, MathError> {
        let key = (formula.isDisplay ? "D" : "I") + formula.tex
        if let html = lock.withLock({ typeset[key] }) { return .success(html) }
        let result = command.render(formula.tex, display: formula.isDisplay)
        if case .success(let html) = result { lock.withLock { typeset[key] = html } }
        return result
    }

    private func noteMissingCommand() {
        let first = lock.withLock { () -> Bool in
            defer { notedMissingCommand = true }
            return !notedMissingCommand
        }
        if first {
            note("note: math is shown as TeX source: the katex command was not found (Debian package katex; or set $\(KatexCommand.environmentVariable) to its path)")
        }
    }
}
