import GAN
import XCTest
@testable import Book

/// Changing a value that enters the run hash retrains that run and nothing else.
final class HashedChangeTests: NotebookTestCase {
    func testChangingOneRunsSeedTrainsOnlyThatRun() throws {
        try notebook.write("ablation.md", SmallRun.page(title: "Ablation",
                                                        SmallRun.directive(id: "a", seed: 1),
                                                        SmallRun.directive(id: "b", seed: 2)))
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 2, notebook.output)
        let before = notebook.entryHashes
        XCTAssertEqual(before.count, 2)
        let hashB = try RunConfig.decode(yaml: SmallRun.yaml(id: "b", seed: 2), file: "b", handledKeys: GanDirective.keys).runHash
        let entryB = notebook.runs.appendingPathComponent(hashB)
        let bytesB = try notebook.files(under: entryB)
        let datesB = try notebook.modificationDates(under: entryB)
        XCTAssertFalse(bytesB.isEmpty)

        try notebook.write("ablation.md", SmallRun.page(title: "Ablation",
                                                        SmallRun.directive(id: "a", seed: 3),
                                                        SmallRun.directive(id: "b", seed: 2)))
        try notebook.build()

        XCTAssertEqual(notebook.summaryCount("trained"), 1, notebook.output)
        XCTAssertEqual(notebook.summaryCount("reused"), 1, notebook.output)
        let newHash = try RunConfig.decode(yaml: SmallRun.yaml(id: "a", seed: 3), file: "a", handledKeys: GanDirective.keys).runHash
        XCTAssertFalse(before.contains(newHash))
        XCTAssertEqual(Set(notebook.entryHashes), Set(before + [newHash]), "the new run gets its own entry")
        XCTAssertEqual(try notebook.files(under: entryB), bytesB, "the other run's files are untouched")
        XCTAssertEqual(try notebook.modificationDates(under: entryB), datesB)
        XCTAssertTrue(try notebook.html("ablation").contains(newHash), "the page shows the new run")
    }

    func testChangingTheLearningRateTrainsANewRun() throws {
        try notebook.write("lr.md", SmallRun.page(title: "Learning rate", SmallRun.directive(id: "a")))
        try notebook.build()
        let first = notebook.entryHashes

        try notebook.write("lr.md", SmallRun.page(title: "Learning rate",
                                                  SmallRun.directive(id: "a", extra: ["optimizer: {lr: 0.001}"])))
        try notebook.build()

        XCTAssertEqual(notebook.summaryCount("trained"), 1, notebook.output)
        XCTAssertEqual(notebook.summaryCount("reused"), 0, notebook.output)
        XCTAssertEqual(notebook.entryHashes.count, 2)
        XCTAssertTrue(Set(first).isSubset(of: notebook.entryHashes))
    }
}
