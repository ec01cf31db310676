import XCTest
import CKernels

/// `ck_sgemm`, our AVX-512 product, against direct loops in double: every transposition, tile
/// edges in both directions, K across the 256-wide blocking, padded leading dimensions, bias,
/// alpha and beta.
final class OwnKernelProductTests: XCTestCase {
    /// Skipped as a whole on CPUs without AVX-512 (a skip thrown inside an assertion would count as a failure).
    override func setUpWithError() throws {
        try XCTSkipUnless(ck_avx512_available() != 0, "this CPU has no AVX-512")
    }

    private struct Case {
        var transA, transB: Bool
        var m, n, k: Int
        var alpha: Float = 1, beta: Float = 0
        var bias = false
        /// C's rows are this many floats longer than n (0: rows on whole cache lines).
        var columnPadding = 3
    }

    /// Runs one case; returns false when the kernel declined it (it must then leave C untouched).
    @discardableResult
    private func check(_ t: Case, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        var state = UInt64(t.m * 7919 + t.n * 104_729 + t.k * 31 + (t.transA ? 1 : 0) + (t.transB ? 2 : 0))
        func random(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Float(Int(state >> 40) % 2001 - 1000) / 1000
            }
        }
        // Leading dimensions padded by 3, so in-place reads must honour them.
        let lda = (t.transA ? t.m : t.k) + 3, ldb = (t.transB ? t.k : t.n) + 3, ldc = t.n + t.columnPadding
        let a = random((t.transA ? t.k : t.m) * lda), b = random((t.transB ? t.n : t.k) * ldb)
        let c = random(t.m * ldc), bias = random(t.n)
        var expected = c
        for i in 0..<t.m {
            for j in 0..<t.n {
                var total = 0.0
                for p in 0..<t.k {
                    let av = t.transA ? a[p * lda + i] : a[i * lda + p]
                    let bv = t.transB ? b[j * ldb + p] : b[p * ldb + j]
                    total += Double(av) * Double(bv)
                }
                let start = t.bias ? Double(bias[j]) : Double(t.beta) * Double(c[i * ldc + j])
                expected[i * ldc + j] = Float(Double(t.alpha) * total + start)
            }
        }
        var actual = c
        let handled = actual.withUnsafeMutableBufferPointer { pc in
            ck_sgemm(t.transA ? 1 : 0, t.transB ? 1 : 0, t.m, t.n, t.k, t.alpha, a, lda, b, ldb, t.beta,
                     pc.baseAddress, ldc, t.bias ? bias : nil)
        }
        if handled == 0 {
            XCTAssertEqual(actual, c, "a declined product must write nothing", file: file, line: line)
            return false
        }
        for i in 0..<t.m {
            for j in 0..<ldc {
                let index = i * ldc + j
                if j >= t.n {
                    XCTAssertEqual(actual[index], c[index], "wrote past column \(t.n) in row \(i): \(t)", file: file, line: line)
                    continue
                }
                XCTAssertEqual(actual[index], expected[index], accuracy: 2e-5 * Float(t.k).squareRoot() + 1e-5,
                               "C[\(i), \(j)] of \(t)", file: file, line: line)
            }
        }
        return true
    }

    func testEveryTranspositionAtTileEdges() throws {
        for transA in [false, true] {
            for transB in [false, true] {
                for (m, n) in [(1, 1), (7, 15), (8, 16), (9, 17), (13, 47), (16, 48), (17, 49), (64, 100), (6, 65)] {
                    for k in [1, 5, 300] {
                        try check(Case(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, beta: 0.25))
                    }
                }
            }
        }
    }

    func testBetaZeroIgnoresWhatCHeld() throws {
        try check(Case(transA: false, transB: false, m: 20, n: 50, k: 30, beta: 0))
        try check(Case(transA: true, transB: false, m: 20, n: 50, k: 30, beta: 0))
        try check(Case(transA: false, transB: true, m: 20, n: 50, k: 30, beta: 0))
    }

    func testAccumulateWithBetaOne() throws {
        try check(Case(transA: true, transB: false, m: 33, n: 70, k: 64, beta: 1))
        try check(Case(transA: false, transB: true, m: 64, n: 70, k: 40, beta: 1))
    }

    func testBiasRowStartsEveryRow() throws {
        try check(Case(transA: false, transB: false, m: 64, n: 100, k: 300, bias: true))
        try check(Case(transA: false, transB: false, m: 3, n: 20, k: 4, alpha: 2, bias: true))
    }

    /// A tall C whose Y overflows L2 goes in blocks of 768 columns: the second block here is
    /// partial and its last tile ragged, and X is packed (N ≥ 1024).
    func testTallProductInColumnBlocks() throws {
        XCTAssertTrue(try check(Case(transA: true, transB: false, m: 300, n: 1100, k: 130, beta: 0.5)))
        XCTAssertTrue(try check(Case(transA: false, transB: false, m: 263, n: 1030, k: 140)))
    }

    /// A C of half a million floats (2 MB) and more, written once, goes past the caches: with rows on whole
    /// cache lines, and with padded rows where only some vectors are aligned; with a bias; and not
    /// when it is also read (beta) or summed in several passes of k.
    func testLargeOutputsWrittenPastTheCaches() throws {
        XCTAssertTrue(try check(Case(transA: true, transB: false, m: 1030, n: 1040, k: 40, columnPadding: 0)))
        XCTAssertTrue(try check(Case(transA: false, transB: false, m: 1100, n: 960, k: 24, bias: true, columnPadding: 0)))
        XCTAssertTrue(try check(Case(transA: true, transB: false, m: 1024, n: 1030, k: 17)))
        XCTAssertTrue(try check(Case(transA: false, transB: false, m: 1024, n: 1024, k: 9, beta: 0.5, columnPadding: 0)))
    }

    /// A one-channel convolution's weight gradient (few output columns, many rows) is left to BLAS.
    func testDeclinesNarrowTransposedBProducts() throws {
        XCTAssertFalse(try check(Case(transA: false, transB: true, m: 70, n: 16, k: 10)))
    }

    /// Adam applied in the product's store (each tile's while the next one sums) equals the
    /// product stored, then `ck_adam`, bit for bit;
    /// shapes it declines (k > 256, transposed B) leave the weights and moments untouched.
    func testAdamInTheStoreEqualsProductThenAdam() throws {
        let shapes: [(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, handled: Bool)] = [
            (true, false, 37, 1030, 64, true), (true, false, 100, 200, 128, true), (false, false, 9, 17, 1, true),
            // Many tiles, each applied while the next one sums; k shorter than a tile's Adam work.
            (false, false, 50, 2000, 64, true), (true, false, 13, 47, 3, true),
            (false, false, 20, 100, 300, false), (false, true, 20, 100, 30, false)]
        var state: UInt64 = 7
        func random(_ count: Int, positive: Bool = false) -> [Float] {
            (0..<count).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let value = Float(Int(state >> 40) % 2001 - 1000) / 1000
                return positive ? value * value : value
            }
        }
        for t in shapes {
            let lda = (t.transA ? t.m : t.k) + 2, ldb = (t.transB ? t.k : t.n) + 1, ld = t.n + 5
            let a = random((t.transA ? t.k : t.m) * lda), b = random((t.transB ? t.n : t.k) * ldb)
            let w = random(t.m * ld), m = random(t.m * ld).map { $0 * 0.01 }, v = random(t.m * ld, positive: true)
            // Expected: the gradient stored, then Adam over each row's n entries.
            var gradient = [Float](repeating: 0, count: t.m * ld)
            var (w1, m1, v1) = (w, m, v)
            var (w2, m2, v2) = (w, m, v)
            let step: (Float, Float, Float, Float, Float) = (0.5, 0.999, 1e-8, 2e-4 / 0.75, 1.7)
            if t.handled {
                XCTAssertEqual(ck_sgemm(t.transA ? 1 : 0, t.transB ? 1 : 0, t.m, t.n, t.k, 1, a, lda, b, ldb, 0,
                                        &gradient, ld, nil), 1)
                for row in 0..<t.m {
                    let o = row * ld
                    w1.withUnsafeMutableBufferPointer { pw in m1.withUnsafeMutableBufferPointer { pm in v1.withUnsafeMutableBufferPointer { pv in
                        gradient.withUnsafeBufferPointer { pg in
                            _ = ck_adam(t.n, pw.baseAddress! + o, pg.baseAddress! + o, pm.baseAddress! + o, pv.baseAddress! + o,
                                        step.0, step.1, step.2, step.3, step.4)
                        }
                    } } }
                }
            }
            let handled = w2.withUnsafeMutableBufferPointer { pw in m2.withUnsafeMutableBufferPointer { pm in
                v2.withUnsafeMutableBufferPointer { pv in
                    var update = ck_adam_update(weights: pw.baseAddress, first: pm.baseAddress, second: pv.baseAddress, ld: ld,
                                                beta1: step.0, beta2: step.1, epsilon: step.2, stepSize: step.3, invRoot: step.4)
                    return ck_sgemm_adam(t.transA ? 1 : 0, t.transB ? 1 : 0, t.m, t.n, t.k, a, lda, b, ldb, &update)
                }
            } }
            XCTAssertEqual(handled != 0, t.handled, "\(t)")
            XCTAssertEqual(w2, w1, "weights of \(t)")
            XCTAssertEqual(m2, m1, "first moments of \(t)")
            XCTAssertEqual(v2, v1, "second moments of \(t)")
            if t.handled { XCTAssertNotEqual(w2, w, "the weights moved: \(t)") }
        }
    }

    /// The layer shapes the reference MLP GAN multiplies take our kernel (not the fallback).
    func testReferenceShapesUseOwnKernel() throws {
        XCTAssertTrue(try check(Case(transA: false, transB: false, m: 64, n: 784, k: 1024)))
        XCTAssertTrue(try check(Case(transA: true, transB: false, m: 1024, n: 784, k: 64)))
        XCTAssertTrue(try check(Case(transA: false, transB: true, m: 64, n: 1024, k: 784)))
    }
}
