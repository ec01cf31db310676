import XCTest
@testable import Book

/// Two builds of the same notebook at once both succeed, leave one valid entry per run, and
/// train each run once: the build that waits for the other's run reports it as reused.
final class ConcurrentBuildTests: ExecutableNotebookTestCase {
    func testTwoBuildsAtOnceShareTheCache() throws {
        try notebook.write("page.md", SmallRun.page(
            title: "Page", SmallRun.directive(id: "a", seed: 1),
            SmallRun.directive(id: "b", seed: 2),
            "```gan-compare\nruns: [a, b]\nmetric: d_real\n```\n"))
        let arguments = ["build", "--content", "content", "--site", "site", "--templates", "templates", "--threads", "1"]
        let first = try ganbook.start(arguments, in: notebook.root)
        let second = try ganbook.start(arguments, in: notebook.root)
        let outcomes = [first.finish(), second.finish()]

        var trained = 0
        for outcome in outcomes {
            XCTAssertEqual(outcome.status, 0, outcome.all)
            XCTAssertTrue(outcome.stdout.contains("built 2 page(s): 2 run(s)"), outcome.all)
            let count = outcome.stdout.range(of: #"(\d+) trained"#, options: .regularExpression)
                .map { Int(outcome.stdout[$0].split(separator: " ")[0]) ?? -1 }
            trained += try XCTUnwrap(count, outcome.all)
        }
        XCTAssertEqual(trained, 2, "each run is trained by one build only: \(outcomes.map(\.all))")
        XCTAssertEqual(notebook.entryHashes.count, 2)
        XCTAssertEqual(notebook.runFolderNames, notebook.entryHashes, "no partial folder left behind")
        let cache = RunCache(site: notebook.site)
        for hash in notebook.entryHashes {
            if case .damaged(let error) = cache.check(hash, depth: .full) { XCTFail("\(hash): \(error)") }
        }
        // Whichever build stored an entry, the page shows it, and a third build has nothing to do.
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 0, notebook.output)
        XCTAssertEqual(notebook.summaryCount("file(s)"), 0, notebook.output)
    }
}
