import XCTest
import Foundation
import CKernels
@testable import Engine

/// The vector kernels compute exactly the scalar expressions they replace.
final class ElementwiseKernelTests: XCTestCase {
    private func values(_ count: Int, seed: UInt64) -> [Float] {
        var rng = RandomGenerator(seed: seed)
        var v = (0..<count).map { _ in rng.normal() }
        v[0] = 0; v[1] = -0.0; v[2] = .leastNonzeroMagnitude; v[3] = -.leastNonzeroMagnitude
        return v
    }

    private func run(_ function: ActivationKernel.Function, backward: Bool, _ source: [Float], _ output: [Float],
                     threads: Int = 1) -> [Float] {
        var target = [Float](repeating: .nan, count: source.count)
        ComputePool.configure(threads: threads)
        defer { ComputePool.configure(threads: 1) }
        source.withUnsafeBufferPointer { s in
            output.withUnsafeBufferPointer { o in
                target.withUnsafeMutableBufferPointer { t in
                    ActivationKernel(function: function, backward: backward, source: s.baseAddress!, output: o.baseAddress!,
                                     target: t.baseAddress!, count: s.count).run()
                }
            }
        }
        return target
    }

    private func assertBitwiseEqual(_ a: [Float], _ b: [Float], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), label, file: file, line: line)
    }

    func testPiecewiseLinearFunctionsMatchTheirScalarForm() {
        let x = values(1_003, seed: 1), g = values(1_003, seed: 2)
        let slope: Float = 0.2
        assertBitwiseEqual(run(.relu, backward: false, x, x), x.map { max($0, 0) }, "relu")
        assertBitwiseEqual(run(.leakyReLU(slope: slope), backward: false, x, x), x.map { $0 > 0 ? $0 : $0 * slope }, "leaky")
        let y = x.map { max($0, 0) }
        assertBitwiseEqual(run(.relu, backward: true, g, y), zip(g, y).map { $1 > 0 ? $0 : 0 }, "relu backward")
        assertBitwiseEqual(run(.leakyReLU(slope: slope), backward: true, g, x),
                           zip(g, x).map { $1 > 0 ? $0 : $0 * slope }, "leaky backward")
    }

    func testSplitAcrossThreadsGivesTheSameValues() {
        let x = values(70_001, seed: 3)
        assertBitwiseEqual(run(.leakyReLU(slope: 0.2), backward: false, x, x, threads: 2),
                           run(.leakyReLU(slope: 0.2), backward: false, x, x), "leaky")
        assertBitwiseEqual(run(.sigmoid, backward: false, x, x, threads: 2), run(.sigmoid, backward: false, x, x), "sigmoid")
    }

    func testColumnSumsWriteOrAdd() {
        let rows = 7, columns = 40
        let x = values(rows * columns, seed: 4)
        var expected = [Float](repeating: 0, count: columns)
        for r in 0..<rows { for j in 0..<columns { expected[j] += x[r * columns + j] } }
        var twice = expected
        for r in 0..<rows { for j in 0..<columns { twice[j] += x[r * columns + j] } }
        for threads in [1, 2] {
            ComputePool.configure(threads: threads)
            var sums = [Float](repeating: .nan, count: columns)
            x.withUnsafeBufferPointer { p in
                sums.withUnsafeMutableBufferPointer { s in
                    ColumnSums.add(p.baseAddress!, rows: rows, columns: columns, into: s.baseAddress!, accumulate: false)
                    ColumnSums.add(p.baseAddress!, rows: rows, columns: columns, into: s.baseAddress!, accumulate: true)
                }
            }
            XCTAssertEqual(sums, twice, "\(threads) thread(s)")
        }
        ComputePool.configure(threads: 1)
    }

    func testProductStartingFromABiasRow() {
        let m = 70, n = 300, k = 40
        let a = values(m * k, seed: 5), b = values(k * n, seed: 6), bias = values(n, seed: 7)
        var plain = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { plain[i * n + j] = bias[j] } }
        var reference = plain
        for threads in [1, 2] {
            ComputePool.configure(threads: threads)
            var c = [Float](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    bias.withUnsafeBufferPointer { pbias in
                        c.withUnsafeMutableBufferPointer { pc in
                            BLAS.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n,
                                      c: pc.baseAddress!, ldc: n, biasRow: pbias.baseAddress!)
                        }
                    }
                }
            }
            if threads == 1 {
                reference.withUnsafeMutableBufferPointer { pr in
                    a.withUnsafeBufferPointer { pa in
                        b.withUnsafeBufferPointer { pb in
                            BLAS.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n,
                                      beta: 1, c: pr.baseAddress!, ldc: n)
                        }
                    }
                }
            }
            if BLAS.useOwnKernels || threads == 1 {
                XCTAssertEqual(c, reference, "\(threads) thread(s)")
            } else {
                // OpenBLAS's kernels round differently on narrower blocks of columns: equal up to rounding.
                let worst = zip(c, reference).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
                XCTAssertLessThan(worst, 1e-5, "\(threads) thread(s)")
            }
        }
        ComputePool.configure(threads: 1)
    }
}

/// The AVX2 kernels (the path on CPUs without AVX-512) against plain loops: the piecewise-linear
/// activations and Adam bit for bit, sigmoid and tanh within a few ulp of libm.
final class AVX2KernelTests: XCTestCase {
    private func values(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var rng = RandomGenerator(seed: seed)
        var v = (0..<count).map { _ in rng.normal() * scale }
        for (i, special) in ([0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude] as [Float]).enumerated() where i < count {
            v[i] = special
        }
        return v
    }

    override func setUpWithError() throws {
        try XCTSkipIf(ck_avx2_available() == 0, "this CPU has no AVX2")
    }

    func testLeakyReLUMatchesTheScalarFormBitForBit() {
        for count in [1, 7, 8, 9, 1_003] {
            let x = values(count, seed: 1), g = values(count, seed: 2)
            for slope: Float in [0, 0.2] {
                var y = [Float](repeating: .nan, count: count), dx = y
                XCTAssertEqual(ck_leaky_relu_forward_avx2(count, x, &y, slope), 1)
                XCTAssertEqual(y.map(\.bitPattern), x.map { ($0 > 0 ? $0 : (slope == 0 ? 0 : $0 * slope)).bitPattern },
                               "forward, slope \(slope), \(count)")
                XCTAssertEqual(ck_leaky_relu_backward_avx2(count, g, x, &dx, slope), 1)
                XCTAssertEqual(dx.map(\.bitPattern), zip(g, x).map { ($1 > 0 ? $0 : (slope == 0 ? 0 : $0 * slope)).bitPattern },
                               "backward, slope \(slope), \(count)")
            }
        }
    }

    func testTheTailIsNotWrittenPast() {
        let x = values(16, seed: 3)
        var y = [Float](repeating: 7, count: 16)
        XCTAssertEqual(ck_sigmoid_forward(5, x, &y), 1)
        XCTAssertEqual(Array(y[5...]), [Float](repeating: 7, count: 11))
        XCTAssertEqual(ck_leaky_relu_forward_avx2(3, x, &y, 0.2), 1)
        XCTAssertEqual(Array(y[5...]), [Float](repeating: 7, count: 11))
    }

    /// Relative error in ulps of the reference (at least the spacing of floats near 2⁻¹²⁶).
    private func ulps(_ value: Float, _ reference: Float) -> Float {
        abs(value - reference) / max(reference.ulp, Float.leastNormalMagnitude)
    }

    func testSigmoidAndTanhStayWithinAFewUlpOfLibm() {
        var x = values(20_011, seed: 4, scale: 6)
        x += [-120, -88.5, -88, -30, -17, -9, -0.625, -0.6249, 0.6249, 0.625, 9, 17, 30, 88, 88.5, 120, 1e-7, -1e-30]
        var y = [Float](repeating: .nan, count: x.count), t = y
        XCTAssertEqual(ck_sigmoid_forward(x.count, x, &y), 1)
        XCTAssertEqual(ck_tanh_forward(x.count, x, &t), 1)
        var worstSigmoid: Float = 0, worstTanh: Float = 0
        for i in x.indices {
            let sigmoid = Float(1 / (1 + Foundation.exp(-Double(x[i])))), tanh = Float(Foundation.tanh(Double(x[i])))
            worstSigmoid = max(worstSigmoid, ulps(y[i], sigmoid))
            worstTanh = max(worstTanh, ulps(t[i], tanh))
            XCTAssertTrue((0...1).contains(y[i]) && (-1...1).contains(t[i]), "\(x[i]): \(y[i]), \(t[i])")
        }
        XCTAssertLessThanOrEqual(worstSigmoid, 4, "sigmoid, against the float-rounded exact value")
        XCTAssertLessThanOrEqual(worstTanh, 4, "tanh, against the float-rounded exact value")
        XCTAssertEqual(t[0].bitPattern, Float(0).bitPattern)
        XCTAssertEqual(t[1].bitPattern, Float(-0.0).bitPattern, "tanh keeps the sign of zero")
    }

    func testAdamMatchesTheScalarFormulaBitForBit() {
        for count in [5, 8, 37, 4_099] {
            var rng = RandomGenerator(seed: UInt64(count))
            let g = (0..<count).map { _ in rng.normal() * 0.1 }
            var w = (0..<count).map { _ in rng.normal() }, m = (0..<count).map { _ in rng.normal() * 0.1 }
            var v = (0..<count).map { _ in abs(rng.normal()) * 0.01 }
            let b1: Float = 0.5, b2: Float = 0.999, eps: Float = 1e-8, step: Float = 2e-4 / 0.75, root: Float = 1 / 0.0447
            var ew = w, em = m, ev = v
            for i in 0..<count {
                em[i] = b1 * em[i] + (1 - b1) * g[i]
                ev[i] = b2 * ev[i] + (1 - b2) * g[i] * g[i]
                ew[i] -= step * em[i] / (ev[i].squareRoot() * root + eps)
            }
            XCTAssertEqual(ck_adam_avx2(count, &w, g, &m, &v, b1, b2, eps, step, root), 1)
            XCTAssertEqual(w.map(\.bitPattern), ew.map(\.bitPattern), "w, \(count)")
            XCTAssertEqual(m.map(\.bitPattern), em.map(\.bitPattern), "m, \(count)")
            XCTAssertEqual(v.map(\.bitPattern), ev.map(\.bitPattern), "v, \(count)")
        }
    }
}
