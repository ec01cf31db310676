import Foundation
import GAN
import Notebook

/// Typesets the math spans of rendered prose (`<span class="math math-inline" data-math="N">`,
/// written by the Markdown reader around each formula's TeX) with KaTeX at build time, so pages
/// need no script for math, only KaTeX's stylesheet and fonts. Each formula is typeset once:
/// kept in memory (a `serve --watch` rebuild reuses it) and, with a cache folder, on disk as
/// `<sha256 of katex's identity, display mode and TeX>.html`, so the next build runs no katex at all.
/// Without the katex command, the spans keep their TeX source, readable as written, and one note
/// says why.
final class MathTypesetter: @unchecked Sendable {
    static let shared = MathTypesetter(command: KatexCommand.find())
    private static let lock = NSLock()
    nonisolated(unsafe) private static var byFolder: [String: MathTypesetter] = [:]

    /// The typesetter of a notebook: its formulas cached in `.ganbook/katex/` beside `content/`
    /// (git-ignored; ganbook writes only files named by a digest there).
    static func forNotebook(content: URL) -> MathTypesetter {
        let folder = content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".ganbook/katex")
        return lock.withLock {
            if let known = byFolder[folder.path] { return known }
            let typesetter = MathTypesetter(command: KatexCommand.find(), cacheFolder: folder)
            byFolder[folder.path] = typesetter
            return typesetter
        }
    }

    let command: KatexCommand?
    let cacheFolder: URL?
    private let lock = NSLock()
    private var typeset: [String: String] = [:]
    private var notedMissingCommand = false
    /// Where the note goes (standard error; a test collects it).
    var note: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    init(command: KatexCommand?, cacheFolder: URL? = nil) {
        self.command = command
        self.cacheFolder = cacheFolder
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
        let file = cacheFolder?.appendingPathComponent(ContentDigest.sha256(Data((command.identity + "\n" + key).utf8)) + ".html")
        if let file, let data = FileManager.default.contents(atPath: file.path), !data.isEmpty {
            let html = String(decoding: data, as: UTF8.self)
            lock.withLock { typeset[key] = html }
            return .success(html)
        }
        let result = command.render(formula.tex, display: formula.isDisplay)
        if case .success(let html) = result {
            lock.withLock { typeset[key] = html }
            // The disk copy only saves time: a folder that cannot be written costs a katex run next build.
            if let file, let folder = cacheFolder {
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try? AtomicFile.write(Data(html.utf8), to: file)
            }
        }
        return result
    }

    private func noteMissingCommand() {
        let first = lock.withLock { () -> Bool in
            defer { notedMissingCommand = true }
            return !notedMissingCommand
        }
        if first {
            note("note: math is shown as TeX source: no katex command found (install Debian's katex, or set $\(KatexCommand.environmentVariable) to its path; \"none\" turns typesetting off)")
        }
    }
}
