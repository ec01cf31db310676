import XCTest
@testable import Book
@testable import GAN

/// A 2-D run's entry keeps GAN Lab's views, and its page shows them with their legend.
final class PlaneViewsBuildTests: NotebookTestCase {
    func testTwoDimensionalRunKeepsAndShowsItsPlaneViews() throws {
        try notebook.write("page.md", SmallRun.page(title: "Ring", SmallRun.directive(id: "ring", extra: ["loss: hinge"])))
        try notebook.build()
        let hash = try XCTUnwrap(notebook.entryHashes.first)
        let entry = notebook.runs.appendingPathComponent(hash)
        let file = entry.appendingPathComponent(RunEntryLayout.planeViews)
        let views = try PlaneViewsJSON.decode(try Data(contentsOf: file), file: file.path)
        XCTAssertEqual(views.map(\.iteration), [10, 20])
        XCTAssertTrue(views.allSatisfy { !$0.manifold.isEmpty && !$0.arrows.isEmpty })
        let html = try notebook.html("page")
        XCTAssertTrue(html.contains("class=\"plane-legend\""), html)
        XCTAssertTrue(html.contains("later than the original GAN paper"), html)
        XCTAssertTrue(html.contains("step-10.png") && html.contains("step-20.png"), "every frame is an image in the page")
        // Removing the views damages the entry: they are part of a 2-D run's files.
        try FileManager.default.removeItem(at: file)
        XCTAssertTrue(notebook.buildError(frozen: true).contains("planes.json"))
    }
}
