import XCTest
@testable import Engine

/// `GradientNeeds.accumulate`: written gradients equal added gradients on zeroed ones, whatever the
/// gradients held before, for every layer with parameters.
final class GradientModeTests: XCTestCase {
    private func assertOverwriteMatchesAccumulate(_ layer: Layer, inputShape: [Int], seed: UInt64 = 5,
                                                  file: StaticString = #filePath, line: UInt = #line) {
        var rng = RandomGenerator(seed: seed)
        (layer as? Initializable)?.initialize(.default, rng: &rng)
        let x = Tensor(shape: inputShape); rng.fillNormal(x)
        let y = layer.forward(x, training: true)
        let dy = Tensor(shape: y.shape); rng.fillNormal(dy)

        for p in layer.parameters { p.gradient.zero() }
        let added = layer.backward(dy, needs: .all)?.array
        let expected = layer.parameters.map(\.gradient.array)

        for p in layer.parameters { p.gradient.fill(.nan) }
        _ = layer.forward(x, training: true)
        let written = layer.backward(dy, needs: GradientNeeds.all.overwriting)?.array
        XCTAssertEqual(written, added, "input gradient", file: file, line: line)
        for (p, values) in zip(layer.parameters, expected) {
            XCTAssertEqual(p.gradient.array, values, p.name, file: file, line: line)
        }

        // A second, accumulating backward adds the same amount again.
        _ = layer.forward(x, training: true)
        _ = layer.backward(dy, needs: .all)
        for (p, values) in zip(layer.parameters, expected) {
            for (a, b) in zip(p.gradient.array, values) {
                XCTAssertEqual(a, 2 * b, accuracy: 1e-5 * max(1, abs(2 * b)), p.name, file: file, line: line)
            }
        }
    }

    func testDense() { assertOverwriteMatchesAccumulate(Dense(7, 5), inputShape: [4, 7]) }

    func testBatchNorm() {
        assertOverwriteMatchesAccumulate(BatchNorm(features: 6), inputShape: [5, 6])
        assertOverwriteMatchesAccumulate(BatchNorm(channels: 3), inputShape: [4, 3, 2, 3])
    }

    func testConvolutions() {
        assertOverwriteMatchesAccumulate(Conv2D(inChannels: 2, outChannels: 3, kernel: 3, stride: 2, padding: 1),
                                         inputShape: [2, 2, 6, 6])
        assertOverwriteMatchesAccumulate(ConvTranspose2D(inChannels: 3, outChannels: 2, kernel: 4, stride: 2, padding: 1),
                                         inputShape: [2, 3, 3, 3])
        // Wide enough for Winograd: its weight gradient is written, not added, when overwriting.
        assertOverwriteMatchesAccumulate(Conv2D(inChannels: 16, outChannels: 16, kernel: 4, stride: 2, padding: 1),
                                         inputShape: [2, 16, 6, 6])
        assertOverwriteMatchesAccumulate(ConvTranspose2D(inChannels: 16, outChannels: 16, kernel: 4, stride: 2, padding: 1),
                                         inputShape: [2, 16, 3, 3])
    }

    func testMinibatchDiscrimination() {
        assertOverwriteMatchesAccumulate(MinibatchDiscrimination(inFeatures: 6, kernels: 3, kernelDim: 2),
                                         inputShape: [5, 6])
    }

    func testSequentialPassesTheModeToEveryLayer() {
        let model = Sequential([Dense(4, 6), Activation.leakyReLU(), BatchNorm(features: 6), Dense(6, 2)])
        assertOverwriteMatchesAccumulate(model, inputShape: [5, 4])
    }

    func testSequentialReportsEachLayerAfterItsBackward() {
        let model = Sequential([Dense(3, 4), Activation.relu(), Dense(4, 2)])
        var rng = RandomGenerator(seed: 1)
        model.initialize(.default, rng: &rng)
        let x = Tensor(shape: [2, 3]); rng.fillNormal(x)
        _ = model.forward(x, training: true)
        var order: [Int] = []
        var lastWeightGradientSeen: [Float] = []
        _ = model.backward(Tensor(shape: [2, 2], values: [1, 2, 3, 4]), needs: .parametersOnly) { index in
            order.append(index)
            if index == 2 { lastWeightGradientSeen = (model.layers[2] as! Dense).weight.gradient.array }
        }
        XCTAssertEqual(order, [2, 1, 0])
        XCTAssertEqual(lastWeightGradientSeen, (model.layers[2] as! Dense).weight.gradient.array,
                       "the layer's gradient is complete when it is reported")
    }

    func testSampleIndependence() {
        XCTAssertTrue(Sequential([Dense(3, 4), Activation.leakyReLU(), Dense(4, 1)]).isSampleIndependent)
        XCTAssertFalse(Sequential([Dense(3, 4), BatchNorm(features: 4)]).isSampleIndependent)
        XCTAssertFalse(Dropout(0.3, seed: 1).isSampleIndependent)
        XCTAssertTrue(Dropout(0, seed: 1).isSampleIndependent)
        XCTAssertFalse(MinibatchDiscrimination(inFeatures: 3, kernels: 2, kernelDim: 2).isSampleIndependent)
        XCTAssertTrue(Conv2D(inChannels: 1, outChannels: 2, kernel: 3).isSampleIndependent)
    }

    /// Two batches through a sample-independent model as one batch give each half's loss exactly,
    /// and parameter gradients equal to the sum of two separate passes (up to summation order).
    func testPairedBatchMatchesTwoPasses() {
        let model = Sequential([Dense(10, 8), Activation.leakyReLU(0.2), Dense(8, 6), Activation.leakyReLU(0.2), Dense(6, 1)])
        var rng = RandomGenerator(seed: 9)
        model.initialize(.default, rng: &rng)
        let first = Tensor(shape: [4, 10]), second = Tensor(shape: [4, 10])
        rng.fillNormal(first); rng.fillNormal(second)
        let firstTargets: [Float] = [1, 0.9, 1, 1], secondTargets: [Float] = [0, 0, 0.1, 0]
        let bce = BinaryCrossEntropyWithLogits()

        for p in model.parameters { p.gradient.zero() }
        let lossFirst = bce.loss(logits: model.forward(first, training: true), targets: firstTargets)
        _ = model.backward(bce.lastGradient, needs: .parametersOnly)
        let lossSecond = bce.loss(logits: model.forward(second, training: true), targets: secondTargets)
        _ = model.backward(bce.lastGradient, needs: .parametersOnly)
        let separate = model.parameters.map(\.gradient.array)

        let pair = Tensor(shape: [8, 10], values: first.array + second.array)
        let logits = model.forward(pair, training: true)
        XCTAssertEqual(bce.loss(logits: logits, rows: 0..<4, targets: firstTargets), lossFirst)
        XCTAssertEqual(bce.loss(logits: logits, rows: 4..<8, targets: secondTargets), lossSecond)
        _ = model.backward(bce.lastGradient, needs: GradientNeeds.parametersOnly.overwriting)
        for (p, expected) in zip(model.parameters, separate) {
            for (a, b) in zip(p.gradient.array, expected) { XCTAssertEqual(a, b, accuracy: 1e-6 * max(1, abs(b))) }
        }
    }
}
