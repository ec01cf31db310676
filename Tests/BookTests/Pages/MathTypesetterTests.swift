import Foundation
import Notebook
import XCTest
@testable import Book

/// Build-time math: each formula through the katex command once, errors at the page's line,
/// and TeX left readable (with one note) when there is no katex command.
final class MathTypesetterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("math-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A stand-in for katex: wraps its input, counts its calls, fails on "\bad".
    private func fakeKatex() throws -> KatexCommand {
        let script = folder.appendingPathComponent("katex")
        try """
        #!/bin/sh
        echo x >> "\(folder.path)/calls"
        tex=$(cat)
        case "$tex" in *bad*) echo "ParseError: KaTeX parse error: Undefined control sequence: \\\\bad" >&2; exit 1;; esac
        echo "<span class=\\"katex\\">[$1]$tex</span>"
        """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return KatexCommand(executable: script)
    }

    private func prose(_ markdown: String) throws -> (html: String, math: [MathFormula]) {
        let page = try Notebook.parsePage(path: "content/p.md", text: markdown, directiveKinds: ["gan"])
        guard case .prose(let html) = page.blocks[0] else { throw XCTSkip("no prose") }
        return (html, page.math)
    }

    func testFormulasAreTypesetOnceEachAndMarkedInlineOrDisplay() throws {
        let typesetter = MathTypesetter(command: try fakeKatex())
        let page = try prose("A $x^2$ and $x^2$ again.\n\n$$y$$\n")
        let result = try typesetter.typeset(page.html, formulas: page.math, file: "content/p.md")
        XCTAssertTrue(result.typesetAny)
        XCTAssertTrue(result.html.contains(#"A <span class="math math-inline"><span class="katex">[]x^2</span></span> and"#), result.html)
        XCTAssertTrue(result.html.contains(#"<span class="math math-display"><span class="katex">[--display-mode]y</span></span>"#), result.html)
        _ = try typesetter.typeset(page.html, formulas: page.math, file: "content/p.md")
        let calls = try String(contentsOf: folder.appendingPathComponent("calls"), encoding: .utf8)
        XCTAssertEqual(calls.split(separator: "\n").count, 2, "x^2 and y, each once")
    }

    func testAFormulaKatexRejectsFailsAtItsLine() throws {
        let typesetter = MathTypesetter(command: try fakeKatex())
        let page = try prose("# T\n\nfine $a$\n\nthen $\\bad{x}$\n")
        XCTAssertThrowsError(try typesetter.typeset(page.html, formulas: page.math, file: "content/p.md")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("content/p.md:5:"), text)
            XCTAssertTrue(text.contains("$\\bad{x}$") && text.contains("Undefined control sequence"), text)
        }
    }

    func testWithoutKatexTheTeXStaysReadableAndOneNoteSaysWhy() throws {
        let typesetter = MathTypesetter(command: nil)
        var notes: [String] = []
        typesetter.note = { notes.append($0) }
        let page = try prose("A $x < y$ here and $z$.\n")
        let result = try typesetter.typeset(page.html, formulas: page.math, file: "content/p.md")
        _ = try typesetter.typeset(page.html, formulas: page.math, file: "content/p.md")
        XCTAssertFalse(result.typesetAny)
        XCTAssertTrue(result.html.contains(#"\(x &lt; y\)"#), result.html)
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes[0].contains("katex"), notes[0])
    }

    func testKatexFromEnvironmentCanBeTurnedOff() {
        XCTAssertNil(KatexCommand.find(environment: ["GANBOOK_KATEX": "none", "PATH": "/usr/bin"]))
        XCTAssertNil(KatexCommand.find(environment: ["PATH": folder.path]))
    }

    func testDebiansKatexTypesetsForReal() throws {
        guard let command = KatexCommand.find(environment: ["PATH": "/usr/bin:/bin"]) else {
            throw XCTSkip("Debian's katex command is not installed (apt-get install katex)")
        }
        let html = try command.render("\\frac{1}{2}", display: false).get()
        XCTAssertTrue(html.hasPrefix("<span class=\"katex\">"), html)
        XCTAssertTrue(html.contains("<annotation encoding=\"application/x-tex\">\\frac{1}{2}</annotation>"), html)
        XCTAssertFalse(try KatexAssets.files().keys.filter { $0.hasSuffix(".woff2") }.isEmpty)
    }
}

extension MathTypesetterTests {
    func testTypesetFormulasAreKeptOnDiskForTheNextBuild() throws {
        let cache = folder.appendingPathComponent(".ganbook/katex")
        let page = try prose("A $q$.\n")
        let command = try fakeKatex()
        _ = try MathTypesetter(command: command, cacheFolder: cache).typeset(page.html, formulas: page.math, file: "p.md")
        let fresh = MathTypesetter(command: command, cacheFolder: cache)
        let result = try fresh.typeset(page.html, formulas: page.math, file: "p.md")
        XCTAssertTrue(result.html.contains("[]q</span>"), result.html)
        let calls = try String(contentsOf: folder.appendingPathComponent("calls"), encoding: .utf8)
        XCTAssertEqual(calls.split(separator: "\n").count, 1, "the second typesetter read the disk copy")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".html") }.count, 1)
    }
}
