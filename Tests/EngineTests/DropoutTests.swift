import XCTest
@testable import Engine

final class DropoutTests: XCTestCase {
    func testTrainingDropsAboutPAndScalesTheRest() {
        let dropout = Dropout(0.3, seed: 1)
        let x = Tensor(shape: [100, 100]); x.fill(2)
        let y = dropout.forward(x, training: true)
        let dropped = y.array.filter { $0 == 0 }.count
        XCTAssertEqual(Double(dropped) / 10_000, 0.3, accuracy: 0.02)
        XCTAssertTrue(y.array.allSatisfy { $0 == 0 || abs($0 - 2 / 0.7) < 1e-6 })
    }

    func testInferenceIsTheIdentity() {
        let dropout = Dropout(0.5, seed: 2)
        let x = Tensor(shape: [3, 4], values: (0..<12).map(Float.init))
        let y = dropout.forward(x, training: false)
        XCTAssertEqual(y.array, x.array)
        XCTAssertFalse(y === x, "the output is the layer's own buffer")
        let dy = Tensor(shape: [3, 4], values: (0..<12).map { Float($0) * 0.5 })
        XCTAssertEqual(dropout.backward(dy, needs: .inputOnly)?.array, dy.array)
    }

    func testMasksFollowTheSeed() {
        let x = Tensor(shape: [4, 50]); x.fill(1)
        let a = Dropout(0.5, seed: 3), b = Dropout(0.5, seed: 3), c = Dropout(0.5, seed: 4)
        let first = a.forward(x, training: true).array
        XCTAssertEqual(first, b.forward(x, training: true).array)
        XCTAssertNotEqual(first, c.forward(x, training: true).array)
        XCTAssertNotEqual(first, a.forward(x, training: true).array, "each training forward draws a new mask")
    }

    func testBackwardMultipliesByTheSavedMask() {
        let dropout = Dropout(0.4, seed: 5)
        var rng = RandomGenerator(seed: 6)
        let x = Tensor(shape: [8, 16]); rng.fillNormal(x)
        _ = dropout.forward(x, training: true)
        let mask = dropout.currentMask!.array
        let dy = Tensor(shape: [8, 16]); rng.fillNormal(dy)
        let dx = dropout.backward(dy, needs: .all)!
        for i in 0..<dy.count { XCTAssertEqual(dx[i], dy[i] * mask[i]) }
        XCTAssertNil(dropout.backward(dy, needs: .parametersOnly))
    }

    func testGradientsWithAFrozenMask() {
        let dropout = Dropout(0.5, seed: 7)
        dropout.isMaskFrozen = true
        GradientCheck().run(dropout, inputShape: [5, 7])
        GradientCheck().run(dropout, inputShape: [2, 3, 5, 7])
    }

    func testMaskDoesNotDependOnThreadCount() {
        defer { ComputePool.configure(threads: 1) }
        let x = Tensor(shape: [64, 1024]); x.fill(1)
        ComputePool.configure(threads: 1)
        let one = Dropout(0.5, seed: 8).forward(x, training: true).array
        ComputePool.configure(threads: 2)
        XCTAssertEqual(one, Dropout(0.5, seed: 8).forward(x, training: true).array)
    }
}
