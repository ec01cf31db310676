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
            KernelUsage.record(.blasMatrixVector)
            cblas_sgemv(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, Int32(transA ? k : m), Int32(transA ? m : k),
                        alpha, a, Int32(lda), b, Int32(transB ? 1 : ldb), beta, c, Int32(ldc))
            return
        }
        // Split the longer side of C into one block per thread (16-aligned, so no two threads
        // write the same cache line of a row).
        var split = Split(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                          beta: beta, c: c, ldc: ldc, biasRow: biasRow, adam: nil, byColumns: n >= m)
        split.run(pool: pool)
    }

    /// One product and how it is split across the pool: blocks of C's columns or rows, one a thread.
    struct Split {
        var transA, transB: Bool
        var m, n, k: Int
        var alpha: Float
        var a: UnsafePointer<Float>, lda: Int
        var b: UnsafePointer<Float>, ldb: Int
        var beta: Float
        var c: UnsafeMutablePointer<Float>, ldc: Int
        var biasRow: UnsafePointer<Float>?
        /// C is the gradient of these weights: each block applies their Adam step instead of storing C.
        var adam: AdamInStore?
        var byColumns: Bool
        var parts = 1

        /// Runs the product on the pool, or whole on the calling thread below ~0.5 MFLOP (where
        /// the hand-off costs more than it saves).
        mutating func run(pool: ComputePool) {
            if pool.threadCount > 1 && 2 * m * n * k >= 500_000 {
                parts = min(pool.threadCount, max(1, (byColumns ? n : m) / 16))
            }
            if parts <= 1 {
                Split.task(&self, 0)
                return
            }
            withUnsafeMutablePointer(to: &self) { pool.run(Split.task, arguments: $0) }
        }

        /// Part `part` multiplies its block of C's columns (or rows) single-threaded.
        static let task: ComputePool.Task = { raw, part in
            let s = raw.assumingMemoryBound(to: Split.self).pointee
            guard part < s.parts else { return }
            let range = ComputePool.range(part: part, of: s.parts, count: s.byColumns ? s.n : s.m, alignment: 16)
            if range.isEmpty { return }
            let start = range.lowerBound
            if s.byColumns {
                s.block(rows: s.m, columns: range.count, a: s.a, b: s.transB ? s.b + start * s.ldb : s.b + start,
                        offset: start, bias: s.biasRow.map { $0 + start })
            } else {
                s.block(rows: range.count, columns: s.n, a: s.transA ? s.a + start : s.a + start * s.lda, b: s.b,
                        offset: start * s.ldc, bias: s.biasRow)
            }
        }

        /// One block of C (starting `offset` elements into C) on the calling thread.
        private func block(rows: Int, columns: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, offset: Int,
                           bias: UnsafePointer<Float>?) {
            if let adam {
                BLAS.singleAdam(transA, transB, rows, columns, k, a, lda, b, ldb, c + offset, ldc, adam.advanced(by: offset))
            } else {
                BLAS.single(transA, transB, rows, columns, k, alpha, a, lda, b, ldb, beta, c + offset, ldc, bias: bias)
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
        // k = 1 (an outer product, as D's one-output layer's input gradient): a B stored as one
        // contiguous column is also one row, and the untransposed layout takes the fast stores.
        if k == 1, transB, ldb == 1 {
            single(transA, false, m, n, k, alpha, a, lda, b, max(n, 1), beta, c, ldc, bias: bias, ownKernel: ownKernel)
            return
        }
        if precision == .bf16, singleBF16(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias: bias) {
            return
        }
        if ownKernel, useOwnKernels,
           ck_sgemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, bias == nil ? beta : 0,
                    c, ldc, bias) != 0 {
            KernelUsage.record(.ownProduct)
            return
        }
        KernelUsage.record(.blasProduct)
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
