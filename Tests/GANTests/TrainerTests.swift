import XCTest
@testable import GAN

final class TrainerTests: XCTestCase {
    /// A small run on the 8-Gaussian ring: fast enough for every test run.
    func ringConfig(_ extra: String = "") throws -> RunConfig {
        try RunConfig.decode(yaml: """
            dataset: ring8
            iterations: 60
            batch_size: 32
            log_every: 10
            snapshots: 3
            \(extra)
            """, file: "test.yaml")
    }

    func ring() throws -> Dataset { try Dataset.load(.ring8, search: DataSearchPath(locations: [])) }

    func testSameConfigAndSeedGiveIdenticalMetrics() throws {
        let config = try ringConfig()
        let a = try Trainer.train(config: config, dataset: ring(), threads: 1)
        let b = try Trainer.train(config: config, dataset: ring(), threads: 1)
        XCTAssertEqual(a.metrics.csv, b.metrics.csv)
        XCTAssertEqual(a.snapshots, b.snapshots)
        let c = try Trainer.train(config: try ringConfig("seed: 2"), dataset: ring(), threads: 1)
        XCTAssertNotEqual(a.metrics.csv, c.metrics.csv, "another seed trains differently")
    }

    func testTwoThreadRunIsDeterministic() throws {
        let config = try ringConfig()
        let a = try Trainer.train(config: config, dataset: ring(), threads: 2)
        let b = try Trainer.train(config: config, dataset: ring(), threads: 2)
        XCTAssertEqual(a.metrics.csv, b.metrics.csv)
    }

    func testLogsRowsAndSnapshotsWhereAsked() throws {
        let result = try Trainer.train(config: try ringConfig(), dataset: ring(), threads: 1)
        XCTAssertEqual(result.metrics.rows.map(\.iteration), [1, 10, 20, 30, 40, 50, 60])
        XCTAssertEqual(result.snapshots.map(\.iteration), [20, 40, 60])
        XCTAssertEqual(result.finalSnapshot.count, Trainer.pointSamples)
        XCTAssertEqual(result.finalSnapshot.values.count, Trainer.pointSamples * 2)
        let header = result.metrics.csv.split(separator: "\n")[0]
        XCTAssertEqual(header.split(separator: ",").map(String.init), MetricsLog.columns)
        XCTAssertNotNil(result.evaluation["modes_covered"])
        XCTAssertEqual(result.iterations, 60)
    }

    func testDiscriminatorLearnsToSeparateAtFirst() throws {
        // With G frozen, D alone must drive σ(D(x)) up and σ(D(G(z))) down.
        let result = try Trainer.train(config: try ringConfig("freeze_generator: true\noptimizer: {lr: 0.002}"), dataset: ring(), threads: 1)
        let last = try XCTUnwrap(result.metrics.rows.last)
        XCTAssertGreaterThan(last.step.dReal, 0.6)
        XCTAssertLessThan(last.step.dFake, 0.4)
        XCTAssertEqual(result.snapshots.first?.values, result.snapshots.last?.values, "frozen G never changes")
    }

    func testMinimaxLossIsTheNegatedFakeCrossEntropy() throws {
        let result = try Trainer.train(config: try ringConfig("loss: minimax"), dataset: ring(), threads: 1)
        XCTAssertTrue(result.metrics.rows.allSatisfy { $0.step.lossG <= 0 }, "log(1 − D(G(z))) is never positive")
    }

    func testBatchLargerThanDataIsAnError() throws {
        let config = try RunConfig.decode(yaml: "dataset: ring8\nbatch_size: 4096\niterations: 1", file: "t.yaml")
        let small = try ring().selecting(classes: nil, subset: 100)
        XCTAssertThrowsError(try Trainer.train(config: config, dataset: small, threads: 1)) { error in
            XCTAssertTrue("\(error)".contains("batch_size"), "\(error)")
        }
    }
}
