import XCTest
@testable import GAN

/// The mixture's numbers by the literature's rules (PacGAN's MetricLogger), and the stricter one.
final class MixtureMetricsTests: XCTestCase {
    func testRealSamplesCoverEveryModeWithHighQuality() {
        for mixture in [GaussianMixture.ring8, .grid25] {
            let points = Array(mixture.generate().allValues().prefix(2 * 2_500))
            let score = MixtureMetrics.evaluate(points: points, mixture: mixture)
            XCTAssertEqual(score[EvaluationKey.modesCovered], Double(mixture.centers.count))
            XCTAssertEqual(score[EvaluationKey.modesCovered20], Double(mixture.centers.count))
            XCTAssertEqual(score[EvaluationKey.modesTotal], Double(mixture.centers.count))
            XCTAssertGreaterThan(score[EvaluationKey.highQualityFraction] ?? 0, 0.98)
            XCTAssertLessThan(score[EvaluationKey.reverseKL] ?? 1, 0.01, "spread evenly over the modes")
        }
    }

    func testOneHighQualitySampleCoversAModeAndTwentyAreNeededUnderTheStrictRule() {
        let ring = GaussianMixture.ring8
        // 2,490 points on mode 3 and 10 on mode 5: mode 5 has a high-quality sample (covered, as
        // PacGAN counts) but fewer than 20 of 2,500 (not covered under modes_covered_20).
        var points = [Float]()
        for _ in 0..<2_490 { points += [Float(ring.centers[3].x), Float(ring.centers[3].y)] }
        for _ in 0..<10 { points += [Float(ring.centers[5].x), Float(ring.centers[5].y)] }
        let score = MixtureMetrics.evaluate(points: points, mixture: ring)
        XCTAssertEqual(score[EvaluationKey.modesCovered], 2)
        XCTAssertEqual(score[EvaluationKey.modesCovered20], 1)
        XCTAssertEqual(score[EvaluationKey.highQualityFraction], 1)
        // KL(q ‖ uniform) with q = (0.996, 0.004) on two of eight modes.
        let q = [0.996, 0.004]
        XCTAssertEqual(score[EvaluationKey.reverseKL]!, q.reduce(0) { $0 + $1 * log($1 * 8) }, accuracy: 1e-9)
    }

    func testAllOnOneModeIsReverseKLOfLogK() {
        let ring = GaussianMixture.ring8
        let points = [Float](repeating: 0, count: 200).enumerated().map { $0.offset % 2 == 0 ? Float(ring.centers[0].x) : 0 }
        XCTAssertEqual(MixtureMetrics.evaluate(points: points, mixture: ring)[EvaluationKey.reverseKL]!, log(8), accuracy: 1e-12)
    }

    func testPointsBeyondThreeStandardDeviationsAreLowQuality() {
        let ring = GaussianMixture.ring8
        let points: [Float] = [0, 0, 2, 0, 2.05, 0, 2.07, 0]  // origin, on mode 0, 2.5σ off, 3.5σ off
        let score = MixtureMetrics.evaluate(points: points, mixture: ring)
        XCTAssertEqual(score[EvaluationKey.highQualityFraction], 0.5)
        XCTAssertEqual(score[EvaluationKey.modesCovered], 1)
        XCTAssertEqual(MixtureMetrics.evaluate(points: [], mixture: ring)[EvaluationKey.highQualityFraction], 0)
    }

    func testAMixtureRunIsEvaluatedAtEverySnapshotOn2500Samples() throws {
        let config = try RunConfig.decode(yaml: "dataset: ring8\niterations: 40\nbatch_size: 32\nlog_every: 10\nsnapshots: 4",
                                          file: "t.yaml")
        let result = try Trainer.train(config: config, dataset: Dataset.load(.ring8, search: DataSearchPath(locations: [])),
                                       threads: 1)
        XCTAssertEqual(result.evaluationTable.rows.map(\.iteration), [10, 20, 30, 40])
        XCTAssertEqual(Set(result.evaluationTable.rows.map(\.samples)), [2_500])
        let last = try XCTUnwrap(result.evaluationTable.rows.last)
        for key in EvaluationKey.mixtureKeys + EvaluationKey.discriminatorKeys {
            XCTAssertEqual(result.evaluation[key].map { $0.isNaN ? -1 : $0 }, last.values[key].map { $0.isNaN ? -1 : $0 },
                           "eval.json is the table's last row: \(key)")
        }
        XCTAssertNotNil(result.evaluation[EvaluationKey.finalDFake])
        XCTAssertNil(result.evaluation["diversity"])
    }

    func testEvaluatingMoreOftenChangesNothingOfTraining() throws {
        func train(snapshots: Int) throws -> TrainingResult {
            let config = try RunConfig.decode(yaml: "dataset: ring8\niterations: 40\nbatch_size: 32\nlog_every: 10\nsnapshots: \(snapshots)",
                                              file: "t.yaml")
            return try Trainer.train(config: config, dataset: Dataset.load(.ring8, search: DataSearchPath(locations: [])),
                                     threads: 1)
        }
        let rare = try train(snapshots: 1), often = try train(snapshots: 8)
        XCTAssertEqual(often.evaluationTable.rows.count, 8)
        XCTAssertEqual(rare.metrics, often.metrics, "D and G judged between steps leave the training as it was")
        XCTAssertEqual(rare.evaluation, often.evaluation)
    }
}
