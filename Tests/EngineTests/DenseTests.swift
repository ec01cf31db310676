import XCTest
@testable import Engine

final class DenseTests: XCTestCase {
    func testForwardMatchesHandComputedProduct() {
        let dense = Dense(2, 3)
        dense.weight.value.copy(from: Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]))
        dense.bias.value.copy(from: Tensor(shape: [3], values: [0.5, -0.5, 1]))
        let y = dense.forward(Tensor(shape: [2, 2], values: [1, 0, -1, 2]), training: true)
        XCTAssertEqual(y.shape, [2, 3])
        XCTAssertEqual(y.array, [1.5, 1.5, 4, 7.5, 7.5, 10])
    }

    func testGradients() {
        GradientCheck().run(Dense(7, 5), inputShape: [4, 7])
    }

    func testGradientsAccumulateAcrossBackwardCalls() {
        let dense = Dense(3, 2)
        var rng = RandomGenerator(seed: 3)
        dense.initialize(.default, rng: &rng)
        let x = Tensor(shape: [2, 3]); rng.fillNormal(x)
        let dy = Tensor(shape: [2, 2]); dy.fill(1)
        _ = dense.forward(x, training: true); _ = dense.backward(dy, needs: .parametersOnly)
        let once = dense.weight.gradient.array
        _ = dense.forward(x, training: true); _ = dense.backward(dy, needs: .parametersOnly)
        XCTAssertEqual(dense.weight.gradient.array, once.map { $0 * 2 })
    }

    func testSkipsInputGradientWhenNotNeeded() {
        let dense = Dense(3, 2)
        _ = dense.forward(Tensor(shape: [1, 3]), training: true)
        XCTAssertNil(dense.backward(Tensor(shape: [1, 2]), needs: .parametersOnly))
    }

    func testTwoThreadsGiveTheSameProductAsOne() {
        var rng = RandomGenerator(seed: 11)
        let x = Tensor(shape: [64, 300]); rng.fillNormal(x)
        let dense = Dense(300, 200)
        dense.initialize(.default, rng: &rng)
        ComputePool.configure(threads: 1)
        let single = dense.forward(x, training: true).array
        ComputePool.configure(threads: 2)
        defer { ComputePool.configure(threads: 1) }
        let double = dense.forward(x, training: true).array
        for (a, b) in zip(single, double) { XCTAssertEqual(a, b, accuracy: 1e-4) }
    }
}
