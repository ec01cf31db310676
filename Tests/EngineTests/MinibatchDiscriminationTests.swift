import XCTest
@testable import Engine

final class MinibatchDiscriminationTests: XCTestCase {
    private func layer(_ inFeatures: Int, _ kernels: Int, _ kernelDim: Int, seed: UInt64 = 1,
                       std: Float = 0.2) -> MinibatchDiscrimination {
        let layer = MinibatchDiscrimination(inFeatures: inFeatures, kernels: kernels, kernelDim: kernelDim)
        var rng = RandomGenerator(seed: seed)
        rng.fillNormal(layer.tensor.value, std: std)
        return layer
    }

    func testForwardMatchesDefinition() {
        let mbd = layer(6, 3, 2)
        var rng = RandomGenerator(seed: 2)
        let x = Tensor(shape: [5, 6]); rng.fillNormal(x)
        let y = mbd.forward(x, training: true)
        XCTAssertEqual(y.shape, [5, 9])
        let t = mbd.tensor.value
        func projection(_ i: Int, _ e: Int) -> Double {
            (0..<6).reduce(0.0) { $0 + Double(x[i * 6 + $1]) * Double(t[$1 * 6 + e]) }
        }
        for i in 0..<5 {
            for f in 0..<6 { XCTAssertEqual(y[i * 9 + f], x[i * 6 + f]) }
            for kernel in 0..<3 {
                var expected = 0.0
                for j in 0..<5 where j != i {
                    let distance = (kernel * 2..<kernel * 2 + 2).reduce(0.0) { $0 + abs(projection(i, $1) - projection(j, $1)) }
                    expected += exp(-distance)
                }
                XCTAssertEqual(Double(y[i * 9 + 6 + kernel]), expected, accuracy: 1e-5)
            }
        }
    }

    func testSelfIsExcluded() {
        let mbd = layer(4, 2, 3)
        let one = Tensor(shape: [1, 4], values: [1, -2, 0.5, 3])
        XCTAssertEqual(Array(mbd.forward(one, training: true).array.suffix(2)), [0, 0])
        // Two identical samples are at distance 0 from each other: o = exp(0) = 1 for each.
        let twins = Tensor(shape: [2, 4], values: [1, -2, 0.5, 3, 1, -2, 0.5, 3])
        let y = mbd.forward(twins, training: true)
        XCTAssertEqual([y[4], y[5], y[10], y[11]], [1, 1, 1, 1])
    }

    func testGradients() {
        // The L1 distance has a kink wherever two samples agree in a coordinate; a nudge of T moves
        // a whole column of M, so the step is kept small enough (5e-4) not to cross one.
        var check = GradientCheck()
        check.step = 5e-4
        check.run(layer(6, 3, 2), inputShape: [5, 6])
        check.run(layer(7, 4, 5, seed: 3, std: 0.1), inputShape: [3, 7])
        check.run(layer(12, 2, 3, seed: 4), inputShape: [4, 3, 2, 2])
    }

    func testShapesAndFLOPs() {
        let mbd = MinibatchDiscrimination(inFeatures: 6272, kernels: 50, kernelDim: 5)
        XCTAssertEqual(mbd.outputShape(inputShape: [64, 6272]), [64, 6322])
        XCTAssertEqual(mbd.forwardFLOPs(inputShape: [64, 6272]), 2 * 64 * 6272 * 250)
        XCTAssertEqual(mbd.tensor.value.shape, [6272, 250])
    }

    func testBackwardComputesOnlyWhatIsNeeded() {
        let mbd = layer(5, 2, 2)
        var rng = RandomGenerator(seed: 5)
        let x = Tensor(shape: [4, 5]); rng.fillNormal(x)
        let dy = Tensor(shape: [4, 7]); rng.fillNormal(dy)
        _ = mbd.forward(x, training: true)
        XCTAssertNil(mbd.backward(dy, needs: .parametersOnly))
        let once = mbd.tensor.gradient.array
        XCTAssertNotNil(mbd.backward(dy, needs: .inputOnly))
        XCTAssertEqual(mbd.tensor.gradient.array, once)
    }

    func testTwoThreadsGiveIdenticalResults() {
        defer { ComputePool.configure(threads: 1) }
        var results: [[Float]] = []
        for threads in [1, 2] {
            ComputePool.configure(threads: threads)
            let mbd = layer(40, 16, 5, seed: 6, std: 0.05)
            var rng = RandomGenerator(seed: 7)
            let x = Tensor(shape: [64, 40]); rng.fillNormal(x)
            let dy = Tensor(shape: [64, 56]); rng.fillNormal(dy)
            let y = mbd.forward(x, training: true).array
            let dx = mbd.backward(dy, needs: .all)!.array
            results.append(y + dx + mbd.tensor.gradient.array)
        }
        XCTAssertEqual(results[0].count, results[1].count)
        // The pairwise part is identical by construction; the products may round differently.
        for (a, b) in zip(results[0], results[1]) { XCTAssertEqual(a, b, accuracy: 1e-4 * max(1, abs(a))) }
    }
}
