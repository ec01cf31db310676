import XCTest
@testable import Book

/// `ganbook plan --parallel`: the exact GNU parallel job list of a small notebook.
final class ParallelJobListTests: XCTestCase {
    func testOneRunCommandALineStartingInTheNotebook() throws {
        let (listing, h) = try PlanFixture.listing()
        let jobs = ParallelJobList(listing: listing, context: PlanFixture.context, threads: 2)
        XCTAssertEqual(jobs.file.name, "parallel.txt")
        XCTAssertEqual(jobs.file.text, """
            cd /home/ada/notebook && /opt/ganbook/bin/ganbook run \(h[0]) --content content --site site --cache '/shared/ganbook cache' --threads 2
            cd /home/ada/notebook && /opt/ganbook/bin/ganbook run \(h[1]) --content content --site site --cache '/shared/ganbook cache' --threads 2

            """)
        XCTAssertTrue(ParallelJobList.isGenerated(jobs.file.text))
        XCTAssertTrue(jobs.instructions.contains("parallel --jobs N --sshloginfile NODES < jobs/parallel.txt"))
    }

    func testShellWordsAreQuotedOnlyWhenNeeded() {
        XCTAssertEqual(ShellWord.quote("site/runs"), "site/runs")
        XCTAssertEqual(ShellWord.quote("my notes"), "'my notes'")
        XCTAssertEqual(ShellWord.quote("it's"), "'it'\\''s'")
        XCTAssertEqual(ShellWord.quote(""), "''")
    }
}
