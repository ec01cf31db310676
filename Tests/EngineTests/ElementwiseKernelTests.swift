import XCTest
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
