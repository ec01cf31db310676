import Foundation
import CBLAS
import CKernels

/// Matrix products, split across the compute pool.
///
/// Each thread of the pool multiplies its own block of C on its own: with our AVX-512 kernel
/// (`ck_sgemm`, which reads the weights in place instead of packing them) where the CPU has it
/// and the shape suits it, else with a single-threaded `cblas_sgemm` (OpenBLAS's own threading
/// is switched off: it gave no speed-up on two cores).
public enum BLAS {
    /// C[m×n] = alpha · op(A) · op(B) + beta · C, all row-major.
    /// op(A) is m×k (A stored k×m when `transA`), op(B) is k×n (B stored n×k when `transB`).
    /// With `biasRow` (n floats), C instead starts as that row in every row: C = alpha·op(A)·op(B) + bias
    /// (beta is ignored); each thread fills its own block, so the fill is split like the product.
    public static func gemm(transA: Bool = false, transB: Bool = false,
                            m: Int, n: Int, k: Int, alpha: Float = 1,
                            a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0,
                            c: UnsafeMutablePointer<Float>, ldc: Int,
                            biasRow: UnsafePointer<Float>? = nil,
                            pool: ComputePool = .shared) {
        _ = singleThreaded
        if m == 0 || n == 0 { return }
        if let biasRow, n == 1 {
            fill(c, ldc: ldc, rows: 0..<m, columns: 0..<n, with: biasRow)
            gemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                 beta: 1, c: c, ldc: ldc, pool: pool)
            return
        }
        if n == 1 {
            // A matrix-vector product (a layer with one output, like D's logit): OpenBLAS's sgemm
            // would pack a one-column panel and allocate on every call; sgemv does neither.
            cblas_sgemv(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, Int32(transA ? k : m), Int32(transA ? m : k),
                        alpha, a, Int32(lda), b, Int32(transB ? 1 : ldb), beta, c, Int32(ldc))
            return
        }
        let flops = 2 * m * n * k
        // Below ~0.5 MFLOP the hand-off costs more than it saves.
        if pool.threadCount == 1 || flops < 500_000 {
            single(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias: biasRow)
            return
        }
        // Split the longer side of C into one block per thread (16-aligned, so no two threads
        // write the same cache line of a row).
        var split = Split(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                          beta: beta, c: c, ldc: ldc, biasRow: biasRow, byColumns: n >= m, parts: 0)
        split.parts = min(pool.threadCount, max(1, (split.byColumns ? n : m) / 16))
        if split.parts <= 1 {
            single(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias: biasRow)
            return
        }
        withUnsafeMutablePointer(to: &split) { pool.run(Split.task, arguments: $0) }
    }

    /// One product and how it is split across the pool.
    private struct Split {
        var transA, transB: Bool
        var m, n, k: Int
        var alpha: Float
        var a: UnsafePointer<Float>, lda: Int
        var b: UnsafePointer<Float>, ldb: Int
        var beta: Float
        var c: UnsafeMutablePointer<Float>, ldc: Int
        var biasRow: UnsafePointer<Float>?
        var byColumns: Bool
        var parts: Int

        /// Part `part` multiplies its block of C's columns (or rows) with a single-threaded sgemm.
        static let task: ComputePool.Task = { raw, part in
            let s = raw.assumingMemoryBound(to: Split.self).pointee
            guard part < s.parts else { return }
            if s.byColumns {
                let cols = ComputePool.range(part: part, of: s.parts, count: s.n, alignment: 16)
                if cols.isEmpty { return }
                let bBlock = s.transB ? s.b + cols.lowerBound * s.ldb : s.b + cols.lowerBound
                BLAS.single(s.transA, s.transB, s.m, cols.count, s.k, s.alpha, s.a, s.lda, bBlock, s.ldb, s.beta,
                            s.c + cols.lowerBound, s.ldc, bias: s.biasRow.map { $0 + cols.lowerBound })
            } else {
                let rows = ComputePool.range(part: part, of: s.parts, count: s.m, alignment: 16)
                if rows.isEmpty { return }
                let aBlock = s.transA ? s.a + rows.lowerBound : s.a + rows.lowerBound * s.lda
                BLAS.single(s.transA, s.transB, rows.count, s.n, s.k, s.alpha, aBlock, s.lda, s.b, s.ldb, s.beta,
                            s.c + rows.lowerBound * s.ldc, s.ldc, bias: s.biasRow)
            }
        }
    }

    /// C[rows, columns] = bias[columns] in every row.
    @inline(__always)
    fileprivate static func fill(_ c: UnsafeMutablePointer<Float>, ldc: Int, rows: Range<Int>, columns: Range<Int>,
                                 with bias: UnsafePointer<Float>) {
        for row in rows { (c + row * ldc + columns.lowerBound).update(from: bias + columns.lowerBound, count: columns.count) }
    }

    /// One single-threaded product on the calling thread: ours where it applies, else OpenBLAS's.
    /// With `bias` (n floats), C = alpha·op(A)·op(B) + bias in every row, and beta is ignored.
    @inline(__always)
    static func single(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                       _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
                       _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
                       _ c: UnsafeMutablePointer<Float>, _ ldc: Int, bias: UnsafePointer<Float>? = nil,
                       ownKernel: Bool = true) {
        if ownKernel, useOwnKernels,
           ck_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, bias == nil ? beta : 0,
                    c, ldc, bias) != 0 {
            return
        }
        var beta = beta
        if let bias {
            fill(c, ldc: ldc, rows: 0..<m, columns: 0..<n, with: bias)
            beta = 1
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Whether products try our AVX-512 kernel first. Off with GANBOOK_KERNELS=blas, to compare.
    public static let useOwnKernels: Bool = {
        ck_avx512_available() != 0 && ProcessInfo.processInfo.environment["GANBOOK_KERNELS"] != "blas"
    }()

    /// Makes OpenBLAS single-threaded; called once before any product.
    static let singleThreaded: Void = { openblas_set_num_threads(1) }()
}
