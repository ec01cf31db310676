import XCTest
@testable import Engine

final class BLASTests: XCTestCase {
    /// C = alpha·op(A)·op(B) + beta·C by direct loops, in double.
    private func reference(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                           a: [Float], lda: Int, b: [Float], ldb: Int, beta: Float, c: [Float], ldc: Int) -> [Float] {
        var out = c
        for i in 0..<m {
            for j in 0..<n {
                var total = 0.0
                for p in 0..<k {
                    let av = transA ? a[p * lda + i] : a[i * lda + p]
                    let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
                    total += Double(av) * Double(bv)
                }
                out[i * ldc + j] = Float(Double(alpha) * total + Double(beta) * Double(c[i * ldc + j]))
            }
        }
        return out
    }

    private func check(m: Int, n: Int, k: Int, threads: Int, openBLASOnly: Bool = false,
                       file: StaticString = #filePath, line: UInt = #line) {
        ComputePool.configure(threads: threads)
        defer { ComputePool.configure(threads: 1) }
        var rng = RandomGenerator(seed: UInt64(m * 100 + n * 10 + k))
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in rng.normal() } }
        for transA in [false, true] {
            for transB in [false, true] {
                let lda = transA ? m : k, ldb = transB ? k : n
                let a = random(m * k), b = random(k * n), c = random(m * n)
                let expected = reference(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: a, lda: lda,
                                         b: b, ldb: ldb, beta: 0.25, c: c, ldc: n)
                var actual = c
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        actual.withUnsafeMutableBufferPointer { pc in
                            if openBLASOnly {
                                BLAS.single(transA, transB, m, n, k, 0.5, pa.baseAddress!, lda, pb.baseAddress!, ldb,
                                            0.25, pc.baseAddress!, n, ownKernel: false)
                            } else {
                                BLAS.gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5,
                                          a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb, beta: 0.25,
                                          c: pc.baseAddress!, ldc: n)
                            }
                        }
                    }
                }
                for (x, y) in zip(actual, expected) {
                    XCTAssertEqual(x, y, accuracy: 1e-4 * max(1, abs(y)), "\(m)×\(n)×\(k) transA \(transA) transB \(transB)",
                                   file: file, line: line)
                }
            }
        }
    }

    /// The path CPUs without AVX-512 take (and shapes our kernel declines).
    func testOpenBLASFallback() {
        check(m: 70, n: 300, k: 40, threads: 1, openBLASOnly: true)
        check(m: 9, n: 17, k: 3, threads: 1, openBLASOnly: true)
    }

    /// k = 1 (an outer product): a transposed B of one contiguous column is read as one row.
    func testOuterProducts() {
        check(m: 64, n: 700, k: 1, threads: 1)
        check(m: 64, n: 700, k: 1, threads: 2)
        check(m: 3, n: 5, k: 1, threads: 1, openBLASOnly: true)
    }

    func testMatrixVectorProducts() {
        check(m: 37, n: 1, k: 50, threads: 1)
        check(m: 64, n: 1, k: 256, threads: 2)
    }

    func testProductsSplitAcrossThreads() {
        check(m: 70, n: 300, k: 40, threads: 2)   // split by columns
        check(m: 300, n: 40, k: 70, threads: 2)   // split by rows
        check(m: 8, n: 20, k: 5, threads: 2)      // too small to split
    }

    func testPoolTaskRunsEveryPartOnce() {
        let pool = ComputePool(threads: 3)
        var counts = [Int](repeating: 0, count: 3)
        counts.withUnsafeMutableBufferPointer { buffer in
            var base = buffer.baseAddress!
            withUnsafeMutablePointer(to: &base) { pointer in
                pool.run({ raw, part in raw.assumingMemoryBound(to: UnsafeMutablePointer<Int>.self).pointee[part] += 1 },
                         arguments: pointer)
            }
        }
        XCTAssertEqual(counts, [1, 1, 1])
    }

    /// Two products on two threads, one each, equal the same products run one after the other.
    func testPairOfProductsOnTwoThreads() {
        var rng = RandomGenerator(seed: 12)
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in rng.normal() } }
        let x = random(64 * 300), dy = random(64 * 200), w = random(300 * 200)
        func products(threads: Int) -> (dW: [Float], dx: [Float]) {
            ComputePool.configure(threads: threads)
            defer { ComputePool.configure(threads: 1) }
            var dW = [Float](repeating: 0, count: 300 * 200), dx = [Float](repeating: 0, count: 64 * 300)
            x.withUnsafeBufferPointer { px in
                dy.withUnsafeBufferPointer { pdy in
                    w.withUnsafeBufferPointer { pw in
                        dW.withUnsafeMutableBufferPointer { pdW in
                            dx.withUnsafeMutableBufferPointer { pdx in
                                BLAS.gemmPair(
                                    BLAS.Product(transA: true, m: 300, n: 200, k: 64, a: px.baseAddress!, lda: 300,
                                                 b: pdy.baseAddress!, ldb: 200, c: pdW.baseAddress!, ldc: 200),
                                    BLAS.Product(transB: true, m: 64, n: 300, k: 200, a: pdy.baseAddress!, lda: 200,
                                                 b: pw.baseAddress!, ldb: 200, c: pdx.baseAddress!, ldc: 300))
                            }
                        }
                    }
                }
            }
            return (dW, dx)
        }
        let one = products(threads: 1), two = products(threads: 2)
        for (a, b) in zip(one.dW, two.dW) { XCTAssertEqual(a, b, accuracy: 1e-4 * max(1, abs(a))) }
        for (a, b) in zip(one.dx, two.dx) { XCTAssertEqual(a, b, accuracy: 1e-4 * max(1, abs(a))) }
        XCTAssertEqual(products(threads: 2).dW, two.dW, "deterministic")
    }

    /// The rule both `gemmPair` and `runGradientBatches` follow: whole products side by side only
    /// on two threads, within 2× of each other in work, and each big enough to be worth a thread.
    func testSideBySideRule() {
        ComputePool.configure(threads: 2)
        defer { ComputePool.configure(threads: 1) }
        let two = ComputePool.shared
        XCTAssertTrue(BLAS.runsSideBySide(1_000_000, 2_000_000, productFLOPs: 1_000_000, pool: two))
        XCTAssertFalse(BLAS.runsSideBySide(1_000_000, 2_000_001, productFLOPs: 1_000_000, pool: two), "unbalanced")
        XCTAssertFalse(BLAS.runsSideBySide(400_000, 400_000, productFLOPs: 400_000, pool: two), "too small to hand off")
        XCTAssertTrue(BLAS.runsSideBySide(9 * 500_000, 9 * 500_000, productFLOPs: 500_000, pool: two))
        XCTAssertFalse(BLAS.runsSideBySide(9 * 400_000, 9 * 400_000, productFLOPs: 400_000, pool: two),
                       "a batch's size is its single products', not its total")
        ComputePool.configure(threads: 1)
        XCTAssertFalse(BLAS.runsSideBySide(1_000_000, 1_000_000, productFLOPs: 1_000_000, pool: ComputePool.shared))
    }
}
