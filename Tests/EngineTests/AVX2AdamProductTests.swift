import XCTest
import CKernels
@testable import Engine

/// The AVX2 weight-gradient product with Adam in its store against a plain loop: each gradient
/// summed over k in order with fused multiply-adds, then the scalar Adam formula, bit for bit.
final class AVX2AdamProductTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipIf(ck_avx2_available() == 0, "this CPU has no AVX2")
    }

    private struct Case {
        var transA: Bool
        var m, n, k: Int
    }

    func testEveryTileShapeMatchesTheReferenceBitForBit() {
        // Row counts past and short of the 6-row tile, column counts short of, at and past 8 and 16.
        let cases = [Case(transA: true, m: 13, n: 37, k: 9), Case(transA: true, m: 6, n: 16, k: 64),
                     Case(transA: false, m: 7, n: 5, k: 3), Case(transA: true, m: 1, n: 8, k: 1),
                     Case(transA: false, m: 20, n: 24, k: 130), Case(transA: true, m: 5, n: 1, k: 4)]
        for (index, t) in cases.enumerated() {
            var rng = RandomGenerator(seed: UInt64(index + 1))
            let lda = t.transA ? t.m + 3 : t.k + 2, ldb = t.n + 1, ld = t.n + 2
            let a = (0..<(t.transA ? t.k * lda : t.m * lda)).map { _ in rng.normal() }
            let b = (0..<(t.k * ldb)).map { _ in rng.normal() * 0.1 }
            var w = (0..<(t.m * ld)).map { _ in rng.normal() }
            var m = (0..<(t.m * ld)).map { _ in rng.normal() * 0.01 }
            var v = (0..<(t.m * ld)).map { _ in abs(rng.normal()) * 0.001 }
            let b1: Float = 0.5, b2: Float = 0.999, eps: Float = 1e-8, step: Float = 2e-4 / 0.75, root: Float = 1 / 0.0447
            var ew = w, em = m, ev = v
            for r in 0..<t.m {
                for j in 0..<t.n {
                    var g: Float = 0
                    for p in 0..<t.k {
                        let x = t.transA ? a[p * lda + r] : a[r * lda + p]
                        g = g.addingProduct(x, b[p * ldb + j])
                    }
                    let at = r * ld + j
                    em[at] = b1 * em[at] + (1 - b1) * g
                    ev[at] = b2 * ev[at] + (1 - b2) * g * g
                    ew[at] -= step * em[at] / (ev[at].squareRoot() * root + eps)
                }
            }
            let status = w.withUnsafeMutableBufferPointer { pw in
                m.withUnsafeMutableBufferPointer { pm in
                    v.withUnsafeMutableBufferPointer { pv in
                        var update = ck_adam_update(weights: pw.baseAddress, first: pm.baseAddress, second: pv.baseAddress,
                                                    ld: ld, beta1: b1, beta2: b2, epsilon: eps, stepSize: step, invRoot: root)
                        return ck_sgemm_adam_avx2(t.transA ? 1 : 0, 0, t.m, t.n, t.k, a, lda, b, ldb, &update)
                    }
                }
            }
            XCTAssertEqual(status, 1, "\(t)")
            // Padding between rows (columns n..<ld) is untouched, as the reference leaves it.
            XCTAssertEqual(w.map(\.bitPattern), ew.map(\.bitPattern), "w \(t)")
            XCTAssertEqual(m.map(\.bitPattern), em.map(\.bitPattern), "m \(t)")
            XCTAssertEqual(v.map(\.bitPattern), ev.map(\.bitPattern), "v \(t)")
        }
    }

    func testItDeclinesWhatItDoesNotHandle() {
        let state = UnsafeMutablePointer<Float>.allocate(capacity: 3)
        defer { state.deallocate() }
        state.initialize(repeating: 0, count: 3)
        var update = ck_adam_update(weights: state, first: state + 1, second: state + 2, ld: 1, beta1: 0.5, beta2: 0.9,
                                    epsilon: 1e-8, stepSize: 1, invRoot: 1)
        let a = [Float](repeating: 1, count: 600), b = a
        XCTAssertEqual(ck_sgemm_adam_avx2(1, 1, 1, 1, 1, a, 1, b, 1, &update), 0, "transposed B")
        XCTAssertEqual(ck_sgemm_adam_avx2(1, 0, 1, 1, 513, a, 1, b, 1, &update), 0, "k past 512")
        XCTAssertEqual(Array(UnsafeBufferPointer(start: state, count: 3)), [0, 0, 0], "nothing written")
    }
}
