import XCTest
@testable import GAN

/// Training stops at the first iteration whose numbers are not finite, and says so.
final class TrainerDivergenceTests: XCTestCase {
    private func train(_ extra: String) throws -> TrainingResult {
        let config = try RunConfig.decode(yaml: """
            dataset: ring8
            iterations: 50
            batch_size: 32
            log_every: 10
            snapshots: 2
            \(extra)
            """, file: "test.yaml")
        return try Trainer.train(config: config, dataset: Dataset.load(.ring8, search: DataSearchPath(locations: [])),
                                 threads: 1)
    }

    func testDivergedRunStopsThereWithACompleteResult() throws {
        let result = try train("optimizer: {name: sgd, lr: 1}")
        let stop = try XCTUnwrap(result.evaluation[Evaluation.divergedAtIteration])
        XCTAssertEqual(stop, 6)
        XCTAssertEqual(result.iterations, 6)
        XCTAssertEqual(result.metrics.rows.map(\.iteration), [1, 6], "the row of divergence is logged")
        XCTAssertEqual(result.snapshots.map(\.iteration), [6], "and its samples are the final snapshot")
        let last = try XCTUnwrap(result.metrics.rows.last?.step)
        XCTAssertTrue(Divergence.isDiverged(last))
        XCTAssertTrue(last.gradNormG.isNaN, "not measured on that iteration: NaN, not 0")
    }

    func testHealthyRunHasNoDivergenceKey() throws {
        let result = try train("")
        XCTAssertNil(result.evaluation[Evaluation.divergedAtIteration])
        XCTAssertEqual(result.iterations, 50)
    }
}
