import XCTest
@testable import Book

/// A sweep's mean charts draw its runs' own equilibrium lines, as a single run's charts do:
/// σ(D) at α/2 under one-sided label smoothing, and G's loss at its equilibrium value.
final class SweepEquilibriumTests: NotebookTestCase {
    /// The page of one small ring8 sweep with `setting` (a line of its directive), built.
    private func sweepPage(_ setting: String) throws -> String {
        let sweep = "```gan\nid: sweep\ndataset: ring8\niterations: 20\nbatch_size: 32\nlog_every: 5\nsnapshots: 2\n"
            + setting + "\n```\n"
        try notebook.write("a.md", "---\norder: 1\n---\n# Sweep\n\nText.\n\n" + sweep)
        try notebook.build()
        let page = try notebook.html("a")
        XCTAssertTrue(page.contains("Discriminator outputs (mean, min–max band)"), page)
        return page
    }

    func testASmoothedSweepDrawsItsOwnEquilibriumLines() throws {
        let page = try sweepPage("label_smoothing: 0.9\nseeds: [1, 2]")
        XCTAssertTrue(page.contains("equilibrium α/2 = 0.45 (α = 0.9)"), "σ(D) line at α/2")
        XCTAssertTrue(page.contains("loss_g equilibrium −log(α/2) ≈ 0.7985"), "non-saturating loss with smoothing")
        XCTAssertFalse(page.contains("0.5 equilibrium"), "not the unsmoothed line")
    }

    func testASweepOverTheLossKeepsTheSharedDiscriminatorLine() throws {
        let page = try sweepPage("sweep: {loss: [minimax, non-saturating]}")
        XCTAssertTrue(page.contains(">equilibrium 0.5</text>"), "both losses settle σ(D) at 0.5")
        XCTAssertFalse(page.contains("loss_g equilibrium"), "the two losses have different loss_g equilibria")
    }
}
