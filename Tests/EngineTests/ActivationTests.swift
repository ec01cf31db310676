import XCTest
@testable import Engine

final class ActivationTests: XCTestCase {
    func testValues() {
        let x = Tensor(shape: [1, 3], values: [-2, 0.5, 3])
        XCTAssertEqual(Activation.relu().forward(x, training: true).array, [0, 0.5, 3])
        XCTAssertEqual(Activation.leakyReLU(0.2).forward(x, training: true).array, [-0.4, 0.5, 3])
        XCTAssertEqual(Activation.sigmoid().forward(x, training: true)[1], 1 / (1 + exp(-0.5)), accuracy: 1e-6)
        XCTAssertEqual(Activation.tanh().forward(x, training: true)[2], tanh(3), accuracy: 1e-6)
    }

    func testGradients() {
        // Inputs kept away from 0 so the kinks of ReLU and LeakyReLU don't fall inside ±h.
        let awayFromZero: (inout RandomGenerator, Tensor) -> Void = { rng, x in
            for i in 0..<x.count { let v = rng.uniform(in: 0.1...2); x.data[i] = rng.uniform() < 0.5 ? -v : v }
        }
        GradientCheck().run(Activation.relu(), inputShape: [3, 8], makeInput: awayFromZero)
        GradientCheck().run(Activation.leakyReLU(0.2), inputShape: [3, 8], makeInput: awayFromZero)
        GradientCheck().run(Activation.sigmoid(), inputShape: [3, 8])
        GradientCheck().run(Activation.tanh(), inputShape: [3, 8])
    }
}
