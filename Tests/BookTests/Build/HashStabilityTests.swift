import XCTest
@testable import Book

/// Spellings that mean the same run must name the same cache entry, so none of them trains.
final class HashStabilityTests: NotebookTestCase {
    static let baseline = """
        ```gan
        id: base
        dataset: ring8
        iterations: 20
        batch_size: 32
        log_every: 5
        snapshots: 2
        seed: 1
        optimizer: {lr: 0.0005}
        ```

        """

    static let sameRun: [(String, String)] = [
        ("defaults written out", """
        ```gan
        id: base
        dataset: ring8
        model: mlp2d
        loss: non-saturating
        iterations: 20
        batch_size: 32
        log_every: 5
        snapshots: 2
        seed: 1
        d_steps: 1
        label_smoothing: 1.0
        pack: 1
        optimizer: {name: adam, lr: 0.0005, beta1: 0.5}
        ```

        """),
        ("keys reordered", """
        ```gan
        seed: 1
        optimizer: {lr: 0.0005}
        snapshots: 2
        log_every: 5
        batch_size: 32
        iterations: 20
        dataset: ring8
        id: base
        ```

        """),
        ("exponent notation", """
        ```gan
        id: base
        dataset: ring8
        iterations: 20
        batch_size: 32
        log_every: 5
        snapshots: 2
        seed: 1
        optimizer: {lr: 5e-4}
        ```

        """),
        ("another id and a caption", """
        ```gan
        id: renamed
        caption: The same run under another name.
        dataset: ring8
        iterations: 20
        batch_size: 32
        log_every: 5
        snapshots: 2
        seed: 1
        optimizer: {lr: 0.0005}
        ```

        """),
    ]

    func testEquivalentSpellingsReuseTheCachedRun() throws {
        try notebook.write("page.md", SmallRun.page(title: "Page", Self.baseline))
        try notebook.build()
        XCTAssertEqual(notebook.summaryCount("trained"), 1, notebook.output)
        let entries = notebook.entryHashes
        XCTAssertEqual(entries.count, 1)

        for (name, directive) in Self.sameRun {
            try notebook.write("page.md", SmallRun.page(title: "Page", directive))
            try notebook.build()
            XCTAssertEqual(notebook.summaryCount("trained"), 0, "\(name): \(notebook.output)")
            XCTAssertEqual(notebook.summaryCount("reused"), 1, "\(name): \(notebook.output)")
            XCTAssertEqual(notebook.runFolderNames, entries, name)
        }
        let config = try String(contentsOf: notebook.runs.appendingPathComponent(entries[0]).appendingPathComponent("config.json"),
                                encoding: .utf8)
        XCTAssertFalse(config.contains("\"id\""), "the shared entry keeps no page's id: \(config)")
        let html = try notebook.html("page")
        XCTAssertFalse(html.contains("\"base\""), "the old id is not shown with the renamed run")
        XCTAssertTrue(html.contains("renamed"), "the id is still shown")
        XCTAssertTrue(html.contains("The same run under another name."), "the caption is still shown")
    }
}
