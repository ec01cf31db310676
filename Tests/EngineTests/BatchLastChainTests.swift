import XCTest
@testable import Engine

/// Convolutions that hand their output to the next convolution batch last (through batch norm
/// and nonlinearities) compute what the same layers compute row-major, forward and backward.
final class BatchLastChainTests: XCTestCase {
    /// Conv → BN → LeakyReLU → Conv → ReLU → ConvT → BN → ReLU → ConvT → Tanh: every pairing of the two kinds.
    private func layers(seed: UInt64) -> [Layer] {
        let list: [Layer] = [
            Conv2D(inChannels: 2, outChannels: 4, kernel: 3, stride: 1, padding: 1),
            BatchNorm(channels: 4), Activation.leakyReLU(),
            Conv2D(inChannels: 4, outChannels: 5, kernel: 4, stride: 2, padding: 1), Activation.relu(),
            ConvTranspose2D(inChannels: 5, outChannels: 3, kernel: 4, stride: 2, padding: 1),
            BatchNorm(channels: 3), Activation.relu(),
            ConvTranspose2D(inChannels: 3, outChannels: 2, kernel: 3, stride: 1, padding: 1), Activation.tanh(),
        ]
        var rng = RandomGenerator(seed: seed)
        for layer in list {
            (layer as? Initializable)?.initialize(.default, rng: &rng)
            for p in layer.parameters where !p.isWeight { rng.fillNormal(p.value, std: 0.3) }  // nonzero biases, shifts
        }
        return list
    }

    private func assertClose(_ a: [Float], _ b: [Float], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, label, file: file, line: line)
        let scale = max(1, b.map { abs($0) }.max() ?? 0)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThan(worst, 1e-4 * scale, label, file: file, line: line)
    }

    func testPlanMarksOnlyConvolutionsThatFeedConvolutions() {
        let chained = Sequential(layers(seed: 1))
        let marks = chained.layers.compactMap { ($0 as? BatchLastConvolution)?.emitsBatchLast }
        XCTAssertEqual(marks, [true, true, true, false])
        let plain = Sequential(layers(seed: 1), batchLastBetweenConvolutions: false)
        XCTAssertEqual(plain.layers.compactMap { ($0 as? BatchLastConvolution)?.emitsBatchLast }, [false, false, false, false])
        // A feature batch norm, a reshape or a dense layer between two convolutions ends the run.
        let broken = Sequential([Conv2D(inChannels: 1, outChannels: 2, kernel: 3, padding: 1), Flatten(),
                                 Reshape(to: [2, 4, 4]), Conv2D(inChannels: 2, outChannels: 2, kernel: 3, padding: 1)])
        XCTAssertEqual(broken.layers.compactMap { ($0 as? BatchLastConvolution)?.emitsBatchLast }, [false, false])
    }

    func testBatchLastRunsMatchRowMajorForwardAndBackward() {
        let chained = Sequential(layers(seed: 3))
        let plain = Sequential(layers(seed: 3), batchLastBetweenConvolutions: false)
        var rng = RandomGenerator(seed: 4)
        // Two batch sizes in turn: buffers are reused across them.
        for (round, batch) in [3, 2, 3].enumerated() {
            let x = Tensor(shape: [batch, 2, 8, 8])
            rng.fillNormal(x)
            let dy = Tensor(shape: [batch, 2, 8, 8])
            rng.fillNormal(dy)
            for training in [true, false] {
                let y1 = chained.forward(x, training: training), y0 = plain.forward(x, training: training)
                XCTAssertFalse(y1.isBatchLast, "the model's output is row-major")
                assertClose(y1.array, y0.array, "round \(round) output, training \(training)")
            }
            _ = chained.forward(x, training: true)
            _ = plain.forward(x, training: true)
            guard let dx1 = chained.backward(dy, needs: .all), let dx0 = plain.backward(dy, needs: .all) else {
                return XCTFail("no input gradient")
            }
            XCTAssertFalse(dx1.isBatchLast)
            assertClose(dx1.array, dx0.array, "round \(round) input gradient")
            for (p1, p0) in zip(chained.parameters, plain.parameters) {
                assertClose(p1.gradient.array, p0.gradient.array, "round \(round) gradient of \(p1.name)")
            }
            for (m1, m0) in zip(chained.layers, plain.layers) {
                guard let b1 = m1 as? BatchNorm, let b0 = m0 as? BatchNorm else { continue }
                assertClose(b1.runningMean.array, b0.runningMean.array, "running mean")
                assertClose(b1.runningVariance.array, b0.runningVariance.array, "running variance")
            }
        }
    }

    /// A smooth run (no kinks for the finite differences to straddle): Conv → BN → Tanh → ConvT → Tanh → Conv.
    func testBatchLastRunPassesAGradientCheck() {
        let list: [Layer] = [
            Conv2D(inChannels: 2, outChannels: 3, kernel: 3, stride: 2, padding: 1), BatchNorm(channels: 3),
            Activation.tanh(), ConvTranspose2D(inChannels: 3, outChannels: 2, kernel: 4, stride: 2, padding: 1),
            Activation.tanh(), Conv2D(inChannels: 2, outChannels: 2, kernel: 3, stride: 1, padding: 1),
        ]
        var rng = RandomGenerator(seed: 5)
        for layer in list { (layer as? Initializable)?.initialize(.default, rng: &rng) }
        let model = Sequential(list)
        XCTAssertEqual(model.layers.compactMap { ($0 as? BatchLastConvolution)?.emitsBatchLast }, [true, true, false])
        GradientCheck().run(model, inputShape: [2, 2, 6, 6])
    }

    func testParameterOnlyBackwardMatches() {
        let chained = Sequential(layers(seed: 6))
        let plain = Sequential(layers(seed: 6), batchLastBetweenConvolutions: false)
        var rng = RandomGenerator(seed: 7)
        let x = Tensor(shape: [2, 2, 8, 8]), dy = Tensor(shape: [2, 2, 8, 8])
        rng.fillNormal(x); rng.fillNormal(dy)
        _ = chained.forward(x, training: true); _ = plain.forward(x, training: true)
        XCTAssertNil(chained.backward(dy, needs: GradientNeeds.parametersOnly.overwriting))
        _ = plain.backward(dy, needs: GradientNeeds.parametersOnly.overwriting)
        for (p1, p0) in zip(chained.parameters, plain.parameters) {
            assertClose(p1.gradient.array, p0.gradient.array, "gradient of \(p1.name)")
        }
    }
}
