import XCTest
@testable import Engine

final class ConvolutionTests: XCTestCase {
    /// (batch, in, out, height, width, kernel, stride, padding)
    private let configurations: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (2, 3, 4, 5, 7, 3, 1, 1),
        (3, 2, 3, 7, 5, 4, 2, 1),
        (2, 3, 2, 6, 6, 5, 1, 2),
        (2, 1, 3, 8, 8, 4, 2, 0),
        (2, 2, 2, 9, 7, 5, 2, 2),
        (1, 3, 4, 5, 7, 3, 2, 0),
        (2, 2, 3, 4, 4, 3, 1, 0),
    ]

    private func randomTensor(_ shape: [Int], _ rng: inout RandomGenerator) -> Tensor {
        let t = Tensor(shape: shape); rng.fillNormal(t); return t
    }

    private func assertClose(_ actual: Tensor, _ expected: (shape: [Int], values: [Double]), _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.shape, expected.shape, label, file: file, line: line)
        guard actual.count == expected.values.count else { return }
        let worst = zip(actual.array, expected.values).map { abs(Double($0) - $1) }.max() ?? 0
        XCTAssertLessThan(worst, 1e-4, label, file: file, line: line)
    }

    func testConvForwardMatchesDirectLoops() {
        var rng = RandomGenerator(seed: 1)
        for (n, c, o, h, w, k, s, p) in configurations {
            let conv = Conv2D(inChannels: c, outChannels: o, kernel: k, stride: s, padding: p)
            conv.initialize(.default, rng: &rng)
            let x = randomTensor([n, c, h, w], &rng)
            let y = conv.forward(x, training: true)
            assertClose(y, ConvolutionReference.conv(x, weight: conv.weight.value, bias: conv.bias.value, stride: s, padding: p),
                        "conv \(c)→\(o) k\(k) s\(s) p\(p) on \(h)×\(w)")
            XCTAssertEqual(conv.outputShape(inputShape: x.shape), y.shape)
        }
    }

    func testConvTransposeForwardMatchesDirectLoops() {
        var rng = RandomGenerator(seed: 2)
        for (n, c, o, h, w, k, s, p) in configurations {
            for outputPadding in Set([0, s - 1]) {
                let convT = ConvTranspose2D(inChannels: c, outChannels: o, kernel: k, stride: s, padding: p,
                                            outputPadding: outputPadding)
                convT.initialize(.default, rng: &rng)
                let x = randomTensor([n, c, h, w], &rng)
                let y = convT.forward(x, training: true)
                assertClose(y, ConvolutionReference.convTranspose(x, weight: convT.weight.value, bias: convT.bias.value,
                                                                  stride: s, padding: p, outputPadding: outputPadding),
                            "convT \(c)→\(o) k\(k) s\(s) p\(p) op\(outputPadding) on \(h)×\(w)")
                XCTAssertEqual(convT.outputShape(inputShape: x.shape), y.shape)
            }
        }
    }

    /// ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ when both use the same weights (and no bias).
    func testTransposeIsTheAdjoint() {
        var rng = RandomGenerator(seed: 3)
        for (n, c, o, h, w, k, s, p) in configurations {
            let conv = Conv2D(inChannels: c, outChannels: o, kernel: k, stride: s, padding: p)
            conv.initialize(.default, rng: &rng)
            conv.bias.value.zero()
            let x = randomTensor([n, c, h, w], &rng)
            let convX = conv.forward(x, training: true)
            let (oh, ow) = (convX.shape[2], convX.shape[3])
            let rowPadding = (h + 2 * p - k) % s, columnPadding = (w + 2 * p - k) % s
            guard rowPadding == columnPadding else { continue }  // one output padding for both sides
            let convT = ConvTranspose2D(inChannels: o, outChannels: c, kernel: k, stride: s, padding: p,
                                        outputPadding: rowPadding)
            convT.weight.value.copy(from: conv.weight.value)
            let y = randomTensor([n, o, oh, ow], &rng)
            let convTY = convT.forward(y, training: true)
            XCTAssertEqual(convTY.shape, x.shape)
            let left = zip(convX.array, y.array).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            let right = zip(x.array, convTY.array).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            XCTAssertEqual(left, right, accuracy: 1e-4 * max(1, abs(left)), "k\(k) s\(s) p\(p) on \(h)×\(w)")
        }
    }

    func testConvGradients() {
        for (n, c, o, h, w, k, s, p) in configurations {
            GradientCheck().run(Conv2D(inChannels: c, outChannels: o, kernel: k, stride: s, padding: p),
                                inputShape: [n, c, h, w])
        }
    }

    func testConvTransposeGradients() {
        for (n, c, o, h, w, k, s, p) in configurations {
            GradientCheck().run(ConvTranspose2D(inChannels: c, outChannels: o, kernel: k, stride: s, padding: p,
                                                outputPadding: s - 1),
                                inputShape: [n, c, h, w])
        }
    }

    func testOutputShapesOfTheDCGANLayers() {
        XCTAssertEqual(Conv2D(inChannels: 1, outChannels: 64, kernel: 4, stride: 2, padding: 1)
            .outputShape(inputShape: [64, 1, 28, 28]), [64, 64, 14, 14])
        XCTAssertEqual(Conv2D(inChannels: 64, outChannels: 128, kernel: 4, stride: 2, padding: 1)
            .outputShape(inputShape: [64, 64, 14, 14]), [64, 128, 7, 7])
        XCTAssertEqual(Conv2D(inChannels: 1, outChannels: 8, kernel: 5, stride: 2, padding: 2)
            .outputShape(inputShape: [2, 1, 28, 28]), [2, 8, 14, 14])
        XCTAssertEqual(ConvTranspose2D(inChannels: 128, outChannels: 64, kernel: 4, stride: 2, padding: 1)
            .outputShape(inputShape: [64, 128, 7, 7]), [64, 64, 14, 14])
        XCTAssertEqual(ConvTranspose2D(inChannels: 64, outChannels: 1, kernel: 4, stride: 2, padding: 1)
            .outputShape(inputShape: [64, 64, 14, 14]), [64, 1, 28, 28])
        XCTAssertEqual(ConvTranspose2D(inChannels: 8, outChannels: 4, kernel: 3, stride: 2, padding: 1, outputPadding: 1)
            .outputShape(inputShape: [2, 8, 7, 7]), [2, 4, 14, 14])
        XCTAssertEqual(ConvTranspose2D(inChannels: 8, outChannels: 4, kernel: 5, stride: 2, padding: 2, outputPadding: 1)
            .outputShape(inputShape: [2, 8, 7, 7]), [2, 4, 14, 14])
    }

    func testFLOPCounts() {
        // 2 · N · O · (C·k·k) · (OH·OW)
        XCTAssertEqual(Conv2D(inChannels: 64, outChannels: 128, kernel: 4, stride: 2, padding: 1)
            .forwardFLOPs(inputShape: [64, 64, 14, 14]), 2 * 64 * 128 * 1024 * 49)
        XCTAssertEqual(ConvTranspose2D(inChannels: 128, outChannels: 64, kernel: 4, stride: 2, padding: 1)
            .forwardFLOPs(inputShape: [64, 128, 7, 7]), 2 * 64 * 49 * 128 * 1024)
    }

    func testBackwardComputesOnlyWhatIsNeeded() {
        var rng = RandomGenerator(seed: 4)
        for layer in [Conv2D(inChannels: 2, outChannels: 3, kernel: 3, padding: 1) as Layer,
                      ConvTranspose2D(inChannels: 2, outChannels: 3, kernel: 3, padding: 1)] {
            (layer as! Initializable).initialize(.default, rng: &rng)
            let x = randomTensor([2, 2, 5, 5], &rng)
            let y = layer.forward(x, training: true)
            let dy = randomTensor(y.shape, &rng)
            XCTAssertNil(layer.backward(dy, needs: .parametersOnly))
            let once = layer.parameters.map(\.gradient.array)
            XCTAssertNotNil(layer.backward(dy, needs: .inputOnly))
            XCTAssertEqual(layer.parameters.map(\.gradient.array), once, "inputOnly leaves parameter gradients alone")
            _ = layer.backward(dy, needs: .all)
            for (p, first) in zip(layer.parameters, once) {
                for (a, b) in zip(p.gradient.array, first) { XCTAssertEqual(a, 2 * b, accuracy: 1e-4) }
            }
        }
    }

    /// Two threads split every kernel by disjoint outputs: repeated runs agree bit for bit and match one thread.
    func testTwoThreadsAreDeterministic() {
        defer { ComputePool.configure(threads: 1) }
        func run() -> [Float] {
            var rng = RandomGenerator(seed: 5)
            // Large enough that every kernel splits its work between the two threads.
            let conv = Conv2D(inChannels: 32, outChannels: 32, kernel: 4, stride: 2, padding: 1)
            let convT = ConvTranspose2D(inChannels: 32, outChannels: 16, kernel: 4, stride: 2, padding: 1)
            conv.initialize(.dcgan, rng: &rng)
            convT.initialize(.default, rng: &rng)
            let x = randomTensor([32, 32, 14, 14], &rng)
            let y = conv.forward(x, training: true)
            let z = convT.forward(y, training: true)
            let dz = randomTensor(z.shape, &rng)
            let dy = convT.backward(dz, needs: .all)!
            let dx = conv.backward(dy, needs: .all)!
            return z.array + dx.array + (conv.parameters + convT.parameters).flatMap(\.gradient.array)
        }
        ComputePool.configure(threads: 1)
        let one = run()
        ComputePool.configure(threads: 2)
        let two = run()
        XCTAssertEqual(two, run())
        for (a, b) in zip(one, two) { XCTAssertEqual(a, b, accuracy: 1e-4 * max(1, abs(a))) }
    }
}
