import XCTest
import Engine
@testable import GAN

/// A run trains to the same bits on one thread and on two: a cached entry does not depend on the
/// `--threads` or `-j` it was built with. The notebook's own networks, at sizes where every kernel
/// splits its work between the two threads, on synthetic images for a few iterations.
final class ThreadCountInvarianceTests: XCTestCase {
    /// Every logged value's bits (NaN equals NaN here, and −0 differs from +0).
    private func bits(_ log: MetricsLog) -> [UInt64] { log.rows.flatMap(\.values).map(\.bitPattern) }

    private func trainBoth(_ yaml: String) throws -> (TrainingResult, TrainingResult) {
        let config = try RunConfig.decode(yaml: yaml, file: "test.yaml")
        let data = ImageEvaluationTests.syntheticImages(256, seed: 4)
        func quickEvaluation() -> EvaluationSuite {
            let suite = EvaluationSuite(dataset: data)
            suite.snapshotSamples = 64  // D's verdicts on 10,000 images would take most of the test
            suite.finalSamples = 64
            return suite
        }
        return (try Trainer.train(config: config, dataset: data, threads: 1, evaluation: quickEvaluation()),
                try Trainer.train(config: config, dataset: data, threads: 2, evaluation: quickEvaluation()))
    }

    func testTheMLPGANTrainsTheSameOnOneAndTwoThreads() throws {
        let (one, two) = try trainBoth("""
            dataset: mnist
            iterations: 6
            log_every: 2
            snapshots: 1
            """)
        XCTAssertEqual(bits(one.metrics), bits(two.metrics), "the training logs differ (every value to the bit, not only as printed)")
        XCTAssertTrue(one.finalSnapshot == two.finalSnapshot, "the final samples differ")
        XCTAssertEqual(one.evaluation, two.evaluation)
    }

    func testTheDCGANTrainsTheSameOnOneAndTwoThreads() throws {
        let (one, two) = try trainBoth("""
            dataset: mnist
            model: dcgan
            batch_size: 32
            iterations: 2
            log_every: 1
            snapshots: 1
            """)
        XCTAssertEqual(bits(one.metrics), bits(two.metrics), "the training logs differ (every value to the bit, not only as printed)")
        XCTAssertTrue(one.finalSnapshot == two.finalSnapshot, "the final samples differ")
        XCTAssertEqual(one.evaluation, two.evaluation)
    }

    func testTheDCGANInBF16TrainsTheSameOnOneAndTwoThreads() throws {
        try XCTSkipUnless(!BF16Kernel.available.isEmpty, "bf16 products need AVX512-BF16 or AMX")
        let (one, two) = try trainBoth("""
            dataset: mnist
            model: dcgan
            precision: bf16
            batch_size: 32
            iterations: 2
            log_every: 1
            snapshots: 1
            """)
        XCTAssertEqual(bits(one.metrics), bits(two.metrics), "the training logs differ (every value to the bit, not only as printed)")
        XCTAssertTrue(one.finalSnapshot == two.finalSnapshot, "the final samples differ")
        XCTAssertEqual(one.evaluation, two.evaluation)
    }
}
