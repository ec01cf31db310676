import XCTest
@testable import Engine

final class AdamTests: XCTestCase {
    private func parameters(_ counts: [Int], seed: UInt64) -> [Parameter] {
        var rng = RandomGenerator(seed: seed)
        return counts.enumerated().map { index, count in
            let p = Parameter(name: "p\(index)", shape: [count], isWeight: true)
            rng.fillNormal(p.value)
            return p
        }
    }

    private func fillGradients(_ parameters: [Parameter], seed: UInt64) {
        var rng = RandomGenerator(seed: seed)
        for p in parameters { rng.fillNormal(p.gradient, std: 0.1) }
    }

    /// The vector kernel rounds exactly as the formula computed one float at a time.
    func testKernelMatchesScalarFormulaExactly() {
        let count = 37  // a vector body and a scalar tail
        var rng = RandomGenerator(seed: 4)
        let w = Tensor(shape: [count]), g = Tensor(shape: [count]), m = Tensor(shape: [count]), v = Tensor(shape: [count])
        rng.fillNormal(w); rng.fillNormal(g); rng.fillNormal(m, std: 0.1)
        for i in 0..<count { v[i] = abs(rng.normal()) * 0.01 }
        let k = AdamKernel.Coefficients(b1: 0.5, b2: 0.999, eps: 1e-8, stepSize: 2e-4 / 0.75, invRoot: 1 / 0.0447)
        var expectedW = w.array, expectedM = m.array, expectedV = v.array
        for i in 0..<count {
            let gi = g[i]
            expectedM[i] = k.b1 * expectedM[i] + (1 - k.b1) * gi
            expectedV[i] = k.b2 * expectedV[i] + (1 - k.b2) * gi * gi
            expectedW[i] -= k.stepSize * expectedM[i] / (expectedV[i].squareRoot() * k.invRoot + k.eps)
        }
        let gradient = g.array
        AdamKernel.update(0..<count, weights: w.data, gradients: g.data, first: m.data, second: v.data, k)
        XCTAssertEqual(w.array, expectedW)
        XCTAssertEqual(m.array, expectedM)
        XCTAssertEqual(v.array, expectedV)
        XCTAssertEqual(g.array, gradient, "the gradient is only read")
    }

    /// Updating layer by layer (as a fused backward does) equals one `step()`, except that the
    /// gradients are left as they are.
    func testLayerwiseUpdatesMatchStep() {
        let counts = [40_000, 17, 300, 5]
        let stepped = parameters(counts, seed: 1), layered = parameters(counts, seed: 1)
        let a = Adam(parameters: stepped, learningRate: 2e-4, beta1: 0.5)
        let b = Adam(parameters: layered, learningRate: 2e-4, beta1: 0.5)
        for t in 0..<3 {
            fillGradients(stepped, seed: UInt64(10 + t)); fillGradients(layered, seed: UInt64(10 + t))
            a.step()
            b.beginStep()
            b.update([layered[3], layered[2]])
            b.update([layered[1]])
            b.update([layered[0]])
            XCTAssertTrue(stepped.allSatisfy { $0.gradient.array.allSatisfy { $0 == 0 } }, "step zeroes")
            XCTAssertFalse(layered[0].gradient.array.allSatisfy { $0 == 0 }, "update leaves gradients")
        }
        for (p, q) in zip(stepped, layered) { XCTAssertEqual(p.value.array, q.value.array) }
        XCTAssertEqual(a.stepCount, b.stepCount)
    }

    func testTwoThreadsUpdateLikeOne() {
        let counts = [70_001, 33]
        let one = parameters(counts, seed: 2), two = parameters(counts, seed: 2)
        fillGradients(one, seed: 3); fillGradients(two, seed: 3)
        Adam(parameters: one, learningRate: 1e-3).step()
        ComputePool.configure(threads: 2)
        defer { ComputePool.configure(threads: 1) }
        Adam(parameters: two, learningRate: 1e-3).step()
        for (p, q) in zip(one, two) { XCTAssertEqual(p.value.array, q.value.array) }
    }

    func testSGDLayerwiseUpdatesMatchStep() {
        let stepped = parameters([100, 7], seed: 5), layered = parameters([100, 7], seed: 5)
        let a = SGD(parameters: stepped, learningRate: 0.1, momentum: 0.9)
        let b = SGD(parameters: layered, learningRate: 0.1, momentum: 0.9)
        for t in 0..<2 {
            fillGradients(stepped, seed: UInt64(t)); fillGradients(layered, seed: UInt64(t))
            a.step()
            b.beginStep()
            b.update([layered[1]]); b.update([layered[0]])
        }
        for (p, q) in zip(stepped, layered) { XCTAssertEqual(p.value.array, q.value.array) }
    }
}
