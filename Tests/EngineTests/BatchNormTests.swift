import XCTest
@testable import Engine

final class BatchNormTests: XCTestCase {
    /// Per-channel mean and biased variance of x[N×C×S], in double.
    private func referenceStatistics(_ x: Tensor, channels: Int) -> (mean: [Double], variance: [Double]) {
        let n = x.shape[0], s = x.count / (n * channels)
        var mean = [Double](repeating: 0, count: channels), variance = mean
        for ch in 0..<channels {
            var values: [Double] = []
            for image in 0..<n { for i in 0..<s { values.append(Double(x[(image * channels + ch) * s + i])) } }
            mean[ch] = values.reduce(0, +) / Double(values.count)
            variance[ch] = values.map { ($0 - mean[ch]) * ($0 - mean[ch]) }.reduce(0, +) / Double(values.count)
        }
        return (mean, variance)
    }

    private func randomised(_ bn: BatchNorm, seed: UInt64) -> BatchNorm {
        var rng = RandomGenerator(seed: seed)
        rng.fillUniform(bn.scale.value, in: 0.5...1.5)
        rng.fillNormal(bn.shift.value, std: 0.5)
        return bn
    }

    func testFeaturesForwardNormalisesWithBatchStatisticsAndUpdatesRunningStatistics() {
        let bn = BatchNorm(features: 2)
        bn.scale.value.copy(from: Tensor(shape: [2], values: [2, 1]))
        bn.shift.value.copy(from: Tensor(shape: [2], values: [0, 3]))
        // Feature 0: 1, 2, 3, 6 (mean 3, biased var 3.5, unbiased 14/3); feature 1 constant 5.
        let x = Tensor(shape: [4, 2], values: [1, 5, 2, 5, 3, 5, 6, 5])
        let y = bn.forward(x, training: true)
        let inv = 1 / (3.5 + 1e-5).squareRoot()
        let expected0 = [1.0, 2, 3, 6].map { 2 * ($0 - 3) * inv }
        for row in 0..<4 {
            XCTAssertEqual(Double(y[row * 2]), expected0[row], accuracy: 1e-5)
            XCTAssertEqual(y[row * 2 + 1], 3, accuracy: 1e-5)
        }
        XCTAssertEqual(bn.runningMean[0], 0.3, accuracy: 1e-6)
        XCTAssertEqual(bn.runningMean[1], 0.5, accuracy: 1e-6)
        XCTAssertEqual(bn.runningVariance[0], 0.9 + 0.1 * 14 / 3, accuracy: 1e-6)
        XCTAssertEqual(bn.runningVariance[1], 0.9, accuracy: 1e-6)
        _ = bn.forward(x, training: true)
        XCTAssertEqual(bn.runningMean[0], 0.9 * 0.3 + 0.1 * 3, accuracy: 1e-6)
    }

    func testImagesForwardMatchesReference() {
        let bn = randomised(BatchNorm(channels: 3), seed: 1)
        var rng = RandomGenerator(seed: 2)
        let x = Tensor(shape: [4, 3, 5, 7]); rng.fillNormal(x, mean: 2, std: 3)
        let y = bn.forward(x, training: true)
        XCTAssertEqual(y.shape, [4, 3, 5, 7])
        let (mean, variance) = referenceStatistics(x, channels: 3)
        for image in 0..<4 {
            for ch in 0..<3 {
                for i in 0..<35 {
                    let index = (image * 3 + ch) * 35 + i
                    let expected = Double(bn.scale.value[ch]) * (Double(x[index]) - mean[ch]) / (variance[ch] + 1e-5).squareRoot()
                        + Double(bn.shift.value[ch])
                    XCTAssertEqual(Double(y[index]), expected, accuracy: 1e-4)
                }
            }
        }
        let m = 4.0 * 35
        for ch in 0..<3 {
            XCTAssertEqual(Double(bn.runningMean[ch]), 0.1 * mean[ch], accuracy: 1e-5)
            XCTAssertEqual(Double(bn.runningVariance[ch]), 0.9 + 0.1 * variance[ch] * m / (m - 1), accuracy: 1e-4)
        }
    }

    func testInferenceUsesRunningStatisticsAndLeavesThemAlone() {
        let bn = randomised(BatchNorm(channels: 2), seed: 3)
        bn.runningMean.copy(from: Tensor(shape: [2], values: [0.5, -1]))
        bn.runningVariance.copy(from: Tensor(shape: [2], values: [4, 0.25]))
        var rng = RandomGenerator(seed: 4)
        let x = Tensor(shape: [2, 2, 3, 3]); rng.fillNormal(x)
        let y = bn.forward(x, training: false)
        for index in 0..<x.count {
            let ch = (index / 9) % 2
            let expected = bn.scale.value[ch] * (x[index] - bn.runningMean[ch]) / (bn.runningVariance[ch] + 1e-5).squareRoot()
                + bn.shift.value[ch]
            XCTAssertEqual(y[index], expected, accuracy: 1e-5)
        }
        XCTAssertEqual(bn.runningMean.array, [0.5, -1])
        XCTAssertEqual(bn.runningVariance.array, [4, 0.25])
    }

    func testGradientsWithBatchStatistics() {
        GradientCheck().run(randomised(BatchNorm(features: 7), seed: 5), inputShape: [5, 7])
        GradientCheck().run(randomised(BatchNorm(channels: 3), seed: 6), inputShape: [3, 3, 5, 7])
        GradientCheck().run(randomised(BatchNorm(channels: 2), seed: 7), inputShape: [2, 2, 4, 4])
    }

    func testGradientsWithRunningStatistics() {
        var check = GradientCheck()
        check.training = false
        let cases = [(BatchNorm(features: 6), [4, 6]), (BatchNorm(channels: 3), [2, 3, 5, 7])]
        for (index, (bn, shape)) in cases.enumerated() {
            var rng = RandomGenerator(seed: 10)
            rng.fillNormal(bn.runningMean)
            rng.fillUniform(bn.runningVariance, in: 0.5...2)
            check.run(randomised(bn, seed: 8 + UInt64(index)), inputShape: shape)
        }
    }

    func testParameterGradientsAccumulateAndInputGradientIsOptional() {
        let bn = randomised(BatchNorm(channels: 2), seed: 11)
        var rng = RandomGenerator(seed: 12)
        let x = Tensor(shape: [3, 2, 2, 2]); rng.fillNormal(x)
        let dy = Tensor(shape: x.shape); rng.fillNormal(dy)
        _ = bn.forward(x, training: true)
        XCTAssertNil(bn.backward(dy, needs: .parametersOnly))
        let once = bn.scale.gradient.array + bn.shift.gradient.array
        _ = bn.forward(x, training: true)
        XCTAssertNotNil(bn.backward(dy, needs: .all))
        let twice = bn.scale.gradient.array + bn.shift.gradient.array
        for (a, b) in zip(once, twice) { XCTAssertEqual(b, 2 * a, accuracy: 1e-5) }
        bn.scale.gradient.zero()
        _ = bn.backward(dy, needs: .inputOnly)
        XCTAssertEqual(bn.scale.gradient.array, [0, 0])
    }

    func testInitialisationSchemes() {
        let bn = BatchNorm(features: 500)
        var rng = RandomGenerator(seed: 13)
        XCTAssertEqual(Set(bn.scale.value.array), [1])
        bn.initialize(.dcgan, rng: &rng)
        let scales = bn.scale.value.array.map(Double.init)
        let mean = scales.reduce(0, +) / 500
        let std = (scales.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 500).squareRoot()
        XCTAssertEqual(mean, 1, accuracy: 0.005)
        XCTAssertEqual(std, 0.02, accuracy: 0.003)
        XCTAssertEqual(Set(bn.shift.value.array), [0])
        bn.initialize(.default, rng: &rng)
        XCTAssertEqual(Set(bn.scale.value.array), [1])
    }

    /// Split by channel, every sum runs in the same order: two threads agree with one bit for bit.
    func testTwoThreadsGiveIdenticalResults() {
        defer { ComputePool.configure(threads: 1) }
        for (shape, images) in [([64, 1024], false), ([16, 64, 10, 10], true)] {
            var rng = RandomGenerator(seed: 14)
            let x = Tensor(shape: shape); rng.fillNormal(x, mean: 1, std: 2)
            let dy = Tensor(shape: shape); rng.fillNormal(dy)
            var results: [[Float]] = []
            for threads in [1, 2] {
                ComputePool.configure(threads: threads)
                let bn = randomised(images ? BatchNorm(channels: shape[1]) : BatchNorm(features: shape[1]), seed: 15)
                let y = bn.forward(x, training: true).array
                let dx = bn.backward(dy, needs: .all)!.array
                results.append(y + dx + bn.scale.gradient.array + bn.shift.gradient.array + bn.runningVariance.array)
            }
            XCTAssertEqual(results[0], results[1], "shape \(shape)")
        }
    }

    func testOutputShape() {
        XCTAssertEqual(BatchNorm(channels: 4).outputShape(inputShape: [2, 4, 3, 3]), [2, 4, 3, 3])
    }
}
