import XCTest
@testable import Engine

final class LossAndOptimizerTests: XCTestCase {
    func testBCEMatchesDefinitionAndIsStableForLargeLogits() {
        let bce = BinaryCrossEntropyWithLogits()
        let logits = Tensor(shape: [3, 1], values: [0.3, -1.2, 2.0])
        let loss = bce.loss(logits: logits, targets: [1, 0, 0.9])
        func term(_ x: Double, _ t: Double) -> Double {
            let s = 1 / (1 + exp(-x)); return -(t * log(s) + (1 - t) * log(1 - s))
        }
        let expected = (term(0.3, 1) + term(-1.2, 0) + term(2.0, 0.9)) / 3
        XCTAssertEqual(Double(loss), expected, accuracy: 1e-6)
        let huge = bce.loss(logits: Tensor(shape: [2, 1], values: [200, -200]), targets: [0, 1])
        XCTAssertEqual(huge, 200, accuracy: 1e-3)
        XCTAssertFalse(huge.isNaN)
    }

    func testBCEGradientAgainstFiniteDifferences() {
        let bce = BinaryCrossEntropyWithLogits()
        let targets: [Float] = [1, 0, 0.9, 0.1, 1]
        let logits = Tensor(shape: [5, 1], values: [0.3, -1.2, 2.0, 0.0, -3.0])
        _ = bce.loss(logits: logits, targets: targets)
        let analytic = bce.lastGradient.array
        let h: Float = 1e-2
        for i in 0..<5 {
            let saved = logits[i]
            logits[i] = saved + h; let up = Double(bce.loss(logits: logits, targets: targets))
            logits[i] = saved - h; let down = Double(bce.loss(logits: logits, targets: targets))
            logits[i] = saved
            XCTAssertEqual((up - down) / Double(2 * h), Double(analytic[i]), accuracy: 1e-4)
        }
    }

    func testAdamFirstStepMovesEachWeightByLearningRate() {
        // With bias correction the first Adam step is lr · sign(g) (up to ε).
        let p = Parameter(name: "w", shape: [3], isWeight: true)
        p.value.copy(from: Tensor(shape: [3], values: [1, 1, 1]))
        p.gradient.copy(from: Tensor(shape: [3], values: [0.5, -2, 1e-3]))
        let adam = Adam(parameters: [p], learningRate: 0.1, beta1: 0.5)
        adam.step()
        XCTAssertEqual(p.value.array[0], 0.9, accuracy: 1e-5)
        XCTAssertEqual(p.value.array[1], 1.1, accuracy: 1e-5)
        XCTAssertEqual(p.value.array[2], 0.9, accuracy: 1e-4)
        XCTAssertEqual(p.gradient.array, [0, 0, 0], "step zeroes the gradient")
    }

    func testAdamMinimisesAQuadratic() {
        let p = Parameter(name: "w", shape: [2], isWeight: true)
        p.value.copy(from: Tensor(shape: [2], values: [3, -4]))
        let adam = Adam(parameters: [p], learningRate: 0.05)
        for _ in 0..<2000 {
            for i in 0..<2 { p.gradient[i] = 2 * p.value[i] }  // d/dw of w²
            adam.step()
        }
        XCTAssertEqual(p.value[0], 0, accuracy: 1e-2)
        XCTAssertEqual(p.value[1], 0, accuracy: 1e-2)
    }

    func testSGDWithMomentumMatchesHandComputation() {
        let p = Parameter(name: "w", shape: [1], isWeight: true)
        p.value[0] = 1
        let sgd = SGD(parameters: [p], learningRate: 0.1, momentum: 0.9)
        p.gradient[0] = 1; sgd.step()      // b = 1, w = 0.9
        p.gradient[0] = 1; sgd.step()      // b = 1.9, w = 0.71
        XCTAssertEqual(p.value[0], 0.71, accuracy: 1e-6)
    }

    func testGradientNorm() {
        let a = Parameter(name: "a", shape: [2], isWeight: true)
        let b = Parameter(name: "b", shape: [1], isWeight: false)
        a.gradient.copy(from: Tensor(shape: [2], values: [3, 0]))
        b.gradient[0] = 4
        XCTAssertEqual(gradientNorm([a, b]), 5, accuracy: 1e-9)
    }
}
