import XCTest
@testable import Book

/// `ganbook check` as CI runs it: exit 0 when every claim holds, 1 when one does not.
final class CheckCommandTests: ExecutableNotebookTestCase {
    func testExitStatusFollowsTheClaims() throws {
        let run = "```gan\nid: a\ndataset: ring8\niterations: 20\nbatch_size: 32\nlog_every: 5\nsnapshots: 2\n```\n"
        try notebook.write("p.md", "# P\n\nModes `=a.modes_total`.\n\n" + run + "\n```gan-check\na.modes_total == 8\n```\n")
        try notebook.build()
        let passing = try ganbook.run(["check"], in: notebook.root)
        XCTAssertEqual(passing.status, 0, passing.all)
        XCTAssertTrue(passing.stdout.contains("pass content/p.md:15: a.modes_total == 8  (a.modes_total = 8; run "), passing.all)
        XCTAssertTrue(passing.stdout.contains("1 claim(s): 1 passed, 0 failed; 1 inline value(s): 1 read, 0 unreadable"), passing.all)

        try notebook.write("p.md", "# P\n\n" + run + "\n```gan-check\na.modes_total > 8\n```\n")
        let failing = try ganbook.run(["check"], in: notebook.root)
        XCTAssertEqual(failing.status, 1, failing.all)
        XCTAssertTrue(failing.stdout.contains("FAIL content/p.md:13: a.modes_total > 8  (a.modes_total = 8; run "), failing.all)
        XCTAssertTrue(failing.stderr.contains("check failed: 1 claim(s): 0 passed, 1 failed"), failing.all)
    }
}
