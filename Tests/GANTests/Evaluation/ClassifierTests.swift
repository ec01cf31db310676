import XCTest
@testable import GAN

/// The classifier that measures image runs. The full figure (all 60,000 training images, the
/// 10,000 test images) is measured when it is first trained and reported in every run's
/// run.json; here a small subset shows that its training learns and is deterministic.
final class ClassifierTests: XCTestCase {
    private func mnist() throws -> (train: Dataset, test: Dataset) {
        let search = DataSearchPath.standard(dataArgument: nil)
        guard (try? search.locate(.mnist)) != nil else { throw XCTSkip("MNIST not found (set GANBOOK_DATA)") }
        return (try Dataset.load(.mnist, subset: 3_000, search: search), try TestSplit.load(.mnist, search: search))
    }

    func testASmallSubsetTrainsAnAccurateDeterministicClassifier() throws {
        let (train, test) = try mnist()
        var config = ClassifierConfig.standard
        config.epochs = 6
        config.learningRate = 0.002
        config.channels = [8, 16]
        config.features = 32
        let first = Classifier(config: config, hash: "a")
        ClassifierTraining.train(first, on: train) { _, _ in }
        let sample = try test.selecting(classes: nil, subset: 1_000)
        let accuracy = first.accuracy(on: sample)
        XCTAssertGreaterThan(accuracy, 0.85, "3,000 images, 6 epochs")
        let second = Classifier(config: config, hash: "a")
        ClassifierTraining.train(second, on: train) { _, _ in }
        XCTAssertEqual(first.weightBytes, second.weightBytes, "a function of its config and seed")
        // Real test images measure as real: every class present, few unconfident.
        let real = EvaluationSuite.snapshot(of: sample, indices: Array(0..<sample.count))
        let (_, p) = first.measure(real.values, count: real.count)
        let stats = ClassifierMetrics.classStatistics(p, count: real.count)
        XCTAssertEqual(stats[EvaluationKey.classesCovered], 10)
        XCTAssertGreaterThan(stats[EvaluationKey.classifierScore]!, 5)
        XCTAssertLessThanOrEqual(stats[EvaluationKey.classifierScore]!, 10)
    }

    func testWeightsRoundTripAndAWrongSizeIsRefused() {
        let config = ClassifierConfig.standard
        let a = Classifier(config: config, hash: "x")
        for p in a.parameters { for i in 0..<p.count { p.value.data[i] = Float(i % 7) - 3 } }
        let b = Classifier(config: config, hash: "x")
        XCTAssertTrue(b.load(weights: a.weightBytes))
        XCTAssertEqual(a.weightBytes, b.weightBytes)
        XCTAssertFalse(b.load(weights: a.weightBytes.dropLast(4)))
    }

    func testClassStatisticsOfAConstructedSample() {
        // Four samples: two certain 0s, one certain 1, one uniform.
        var p = [Float](repeating: 0, count: 40)
        p[0] = 1; p[10] = 1; p[21] = 1
        for k in 0..<10 { p[30 + k] = 0.1 }
        let stats = ClassifierMetrics.classStatistics(p, count: 4)
        XCTAssertEqual(stats[EvaluationKey.classHist(0)], 0.75, "the uniform row's argmax is class 0")
        XCTAssertEqual(stats[EvaluationKey.classHist(1)], 0.25)
        XCTAssertEqual(stats[EvaluationKey.classesCovered], 2)
        XCTAssertEqual(stats[EvaluationKey.confident], 0.75)
        XCTAssertEqual(stats[EvaluationKey.classKL]!, 0.75 * log(7.5) + 0.25 * log(2.5), accuracy: 1e-9)
    }

    func testTheCacheKeepsTheTrainedClassifierAndTrainsOnlyOnce() throws {
        _ = try mnist()
        let folder = try DataTestFiles.temporaryDirectory(for: self)
        var config = ClassifierConfig.standard
        config.epochs = 1
        config.channels = [4, 8]
        config.features = 16
        let cache = ClassifierCache(folder: folder)
        var lines: [String] = []
        let search = DataSearchPath.standard(dataArgument: nil)
        let first = try cache.classifier(for: .mnist, search: search, threads: 2, config: config) { lines.append($0) }
        XCTAssertTrue(lines.first?.contains("training the mnist classifier") ?? false, "\(lines)")
        lines = []
        let second = try cache.classifier(for: .mnist, search: search, threads: 2, config: config) { lines.append($0) }
        XCTAssertEqual(lines, [], "read from the cache")
        XCTAssertEqual(first.weightBytes, second.weightBytes)
        XCTAssertEqual(first.testAccuracy, second.testAccuracy)
        XCTAssertEqual(Set(second.calibration.keys), Set(Calibration.references))
        XCTAssertLessThan(second.calibration[Calibration.realTrain]![EvaluationKey.fcd]!,
                          second.calibration[Calibration.noise]![EvaluationKey.fcd]!)
    }
}
