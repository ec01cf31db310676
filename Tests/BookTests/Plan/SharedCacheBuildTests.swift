import XCTest
@testable import Book

/// `build --cache DIR`: runs train into the shared cache, and the entries pages use are copied,
/// verified, into site/runs/.
final class SharedCacheBuildTests: NotebookTestCase {
    var shared: URL { notebook.root.appendingPathComponent("shared-cache") }

    func build(frozen: Bool = false) throws -> String {
        var options = notebook.options(frozen: frozen)
        options.cache = shared.path
        var text = ""
        try SiteBuilder(options: options, console: .capturing { text += $0 }).build()
        return text
    }

    func names(_ folder: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }

    func testTrainsIntoTheSharedCacheAndCopiesIntoTheSite() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a", seed: 1),
                                                    SmallRun.directive(id: "b", seed: 2)))
        let first = try build()
        XCTAssertTrue(first.contains("2 trained"), first)
        XCTAssertTrue(first.contains("copied 2 run(s) from \(shared.path)"), first)
        XCTAssertEqual(names(shared).count, 2, "entries only, no partial or lock left: \(names(shared))")
        XCTAssertEqual(names(shared), names(notebook.runs))
        for hash in names(shared) {
            XCTAssertEqual(try notebook.files(under: shared.appendingPathComponent(hash)),
                           try notebook.files(under: notebook.runs.appendingPathComponent(hash)))
        }
        let site = try notebook.files()

        // A fresh site renders from the shared cache alone, trains nothing, and is the same site.
        try FileManager.default.removeItem(at: notebook.site)
        try FileManager.default.createDirectory(at: notebook.site, withIntermediateDirectories: true)
        let frozen = try build(frozen: true)
        XCTAssertTrue(frozen.contains("0 trained"), frozen)
        XCTAssertEqual(try notebook.files(), site)
        // With everything in place there is nothing to copy.
        XCTAssertFalse(try build().contains("copied"))
    }

    func testAnEntryOfTheSiteIsNotTrainedAgainForAnEmptySharedCache() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        try notebook.build()
        let text = try build()
        XCTAssertTrue(text.contains("0 trained"), text)
        XCTAssertEqual(names(shared), [])
    }

    func testADamagedSharedEntryStopsTheBuildNamingIt() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        _ = try build()
        let hash = names(shared)[0]
        try FileManager.default.removeItem(at: notebook.site)
        try FileManager.default.createDirectory(at: notebook.site, withIntermediateDirectories: true)
        let metrics = shared.appendingPathComponent(hash).appendingPathComponent("metrics.csv")
        try Data("iteration,loss".utf8).write(to: metrics)
        XCTAssertThrowsError(try build()) {
            XCTAssertTrue("\($0)".contains(metrics.path), "\($0)")
            XCTAssertTrue("\($0)".contains("rm -r \(self.shared.path)/\(hash)"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: notebook.runs.appendingPathComponent(hash).path),
                       "damage is never copied into the site")
    }
}
