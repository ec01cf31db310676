import Foundation
import XCTest
@testable import Book

/// A throwaway notebook for build tests: `content/`, a copy of the repository's `templates/` and
/// `site/` in a fresh temporary folder. Builds run in process with a console that keeps the output.
final class NotebookFixture {
    /// The repository's templates folder, found from this file's place in Tests/BookTests/Build/.
    static let repositoryTemplates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { root.appendingPathComponent("templates") }
    var site: URL { root.appendingPathComponent("site") }
    var runs: URL { site.appendingPathComponent("runs") }
    /// Everything the last build printed, progress included.
    private(set) var output = ""

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("ganbook-build-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repositoryTemplates, to: templates)
        try write("index.md", "---\ntitle: Test notebook\n---\n\nPages of small runs.\n")
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes a page (or any file) into content/.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(name))
    }

    func options(frozen: Bool = false) -> BuildOptions {
        BuildOptions(content: content.path, site: site.path, templates: templates.path, data: nil, threads: 1,
                     frozen: frozen)
    }

    /// Builds the site in process; the console output is kept in `output` (also when it throws).
    func build(frozen: Bool = false) throws {
        var text = ""
        defer { output = text }
        try SiteBuilder(options: options(frozen: frozen), console: .capturing { text += $0 }).build()
    }

    /// Builds and returns the error, failing the test when the build succeeds.
    func buildError(frozen: Bool = false, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try build(frozen: frozen)
            XCTFail("the build should have failed", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// The last line of the build's output: "built N page(s): R run(s), U reused, T trained; F file(s) changed; …".
    var summary: String {
        output.split(separator: "\n").last { $0.hasPrefix("built ") }.map(String.init) ?? ""
    }

    /// The numbers of the summary line, by their label.
    func summaryCount(_ label: String) -> Int? {
        let words = summary.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ";", with: " ")
            .split(separator: " ").map(String.init)
        guard let index = words.firstIndex(where: { $0 == label || $0.hasPrefix(label + "(") }), index > 0 else {
            return nil
        }
        return Int(words[index - 1])
    }

    /// Hashes of complete cache entries (folders holding run.json), sorted.
    var entryHashes: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: runs.appendingPathComponent($0).appendingPathComponent("run.json").path)
        }.sorted()
    }

    /// Every name directly inside site/runs/, hidden ones included.
    var runFolderNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).sorted()
    }

    /// Every regular file under `folder` (default: site/), by relative path, with its bytes.
    func files(under folder: URL? = nil) throws -> [String: Data] {
        let base = (folder ?? site).standardizedFileURL
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else { return result }
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
            result[path] = try Data(contentsOf: url)
        }
        return result
    }

    /// Modification dates of every file under `folder`, by relative path.
    func modificationDates(under folder: URL) throws -> [String: Date] {
        let base = folder.standardizedFileURL
        var result: [String: Date] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey])
        else { return result }
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
            result[path] = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        }
        return result
    }

    func html(_ page: String) throws -> String {
        String(decoding: try Data(contentsOf: site.appendingPathComponent(page + ".html")), as: UTF8.self)
    }
}

/// The body of a small, fast `gan` directive on the generated ring of eight Gaussians.
enum SmallRun {
    /// A fenced ```gan block; `extra` lines are added after the defaults (YAML: later keys must not repeat).
    static func directive(id: String, seed: Int = 1, extra: [String] = []) -> String {
        "```gan\n" + yaml(id: id, seed: seed, extra: extra) + "```\n"
    }

    static func yaml(id: String?, seed: Int = 1, extra: [String] = []) -> String {
        var lines: [String] = []
        if let id { lines.append("id: \(id)") }
        lines += ["dataset: ring8", "iterations: 20", "batch_size: 32", "log_every: 5", "snapshots: 2", "seed: \(seed)"]
        return (lines + extra).joined(separator: "\n") + "\n"
    }

    /// A page with a title, a paragraph and the given directives.
    static func page(title: String, prose: String = "Some prose.", _ directives: String...) -> String {
        "# \(title)\n\n\(prose)\n\n" + directives.joined(separator: "\n")
    }
}
