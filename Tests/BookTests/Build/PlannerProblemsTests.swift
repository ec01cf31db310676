import Foundation
import Notebook
import XCTest
@testable import Book

/// The planner reports every problem of every page in one pass and refuses empty gan blocks.
final class PlannerProblemsTests: NotebookTestCase {
    private func planError(_ body: () throws -> SitePlan) -> String {
        do {
            _ = try body()
            XCTFail("planned without error")
        } catch {
            return "\(error)"
        }
        return ""
    }

    func testEmptyOrCommentOnlyGanBlockIsAnError() throws {
        for body in ["", "# to do: pick a dataset\n", "~\n"] {
            let page = try Notebook.parsePage(path: "p.md", text: "# P\n\n```gan\n\(body)```\n",
                                              directiveKinds: SitePlanner.directiveKinds)
            let message = planError { try SitePlanner.plan([page]) }
            XCTAssertTrue(message.hasPrefix("p.md:4: empty directive: write at least dataset"), message)
        }
    }

    func testUpperCaseFenceIsAGanDirective() throws {
        let page = try Notebook.parsePage(path: "p.md", text: "# P\n\n```GAN\n```\n", directiveKinds: SitePlanner.directiveKinds)
        XCTAssertTrue(planError { try SitePlanner.plan([page]) }.contains("empty directive"))
    }

    func testFrontMatterErrorDoesNotHideOtherPagesOrItsOwnDirectives() throws {
        try notebook.write("a.md", "---\ntitel: A\n---\n# A\n\n```gan\ndataset: ring8\nbeta: 1\n```\n")
        try notebook.write("b.md", "# B\n\n```gan\ndataset: ring8\nz_dim: 0\nseed: x\n```\n\n```gan-table\ncolumns: [los_g]\n```\n")
        // Through the build's own stages, as `ganbook build` reads and plans.
        let stages = BuildStages(content: notebook.content.path, site: notebook.site.path,
                                 templates: notebook.templates.path, console: .capturing { _ in })
        let message = planError { try stages.plan(try stages.loadPages()) }
        let lines = message.components(separatedBy: "\n").dropFirst()
        let places = lines.map { line in
            (line.components(separatedBy: "/").last ?? "").split(separator: ":").prefix(2).joined(separator: ":")
        }
        XCTAssertEqual(places, ["a.md:2", "a.md:8", "b.md:5", "b.md:6", "b.md:10"], message)
        XCTAssertTrue(message.hasPrefix("5 problems, nothing was trained"), message)
        XCTAssertTrue(message.contains("did you mean title?"), message)
        XCTAssertTrue(message.contains("did you mean loss_g?"), message)
    }
}

/// gan-table columns that exist only for some runs are judged before training: the mixture's
/// numbers need a 2-D run in the table; the divergence step may be asked of any run ("—" where a
/// run did not diverge).
final class TableColumnPlanningTests: NotebookTestCase {
    func testMixtureColumnOfAnImageOnlyTableFailsBeforeTraining() throws {
        try notebook.write("page.md", "# P\n\n```gan\nid: digits\ndataset: mnist\nsubset: 64\niterations: 2\n```\n\n"
                           + "```gan-table\ncolumns: [loss_g, modes_covered]\n```\n")
        let message = notebook.buildError()
        XCTAssertTrue(message.contains("page.md:11") && message.contains("modes_covered is measured only for 2-D mixtures"),
                      message)
        XCTAssertFalse(notebook.output.contains("training"), notebook.output)
    }

    func testDivergenceColumnOfRunsThatDidNotDivergeShowsADash() throws {
        try notebook.write("page.md", SmallRun.page(title: "Fine", SmallRun.directive(id: "adam"),
                                                    "```gan-table\ncolumns: [modes_covered, diverged_at_iteration]\n```\n"))
        try notebook.build()
        let html = try notebook.html("page")
        XCTAssertTrue(html.contains("diverged_at_iteration"), html)
        XCTAssertTrue(html.contains("—"), html)
    }
}
