import CBLAS

/// Matrix products through OpenBLAS, split across the compute pool.
///
/// OpenBLAS's own threading is switched off (it gave no speed-up on two cores); instead each
/// thread of the pool multiplies its own block of C with a single-threaded `cblas_sgemm`.
public enum BLAS {
    /// C[m×n] = alpha · op(A) · op(B) + beta · C, all row-major.
    /// op(A) is m×k (A stored k×m when `transA`), op(B) is k×n (B stored n×k when `transB`).
    public static func gemm(transA: Bool = false, transB: Bool = false,
                            m: Int, n: Int, k: Int, alpha: Float = 1,
                            a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0,
                            c: UnsafeMutablePointer<Float>, ldc: Int,
                            pool: ComputePool = .shared) {
        _ = singleThreaded
        if m == 0 || n == 0 { return }
        let flops = 2 * m * n * k
        // Below ~0.5 MFLOP the hand-off costs more than it saves.
        if pool.threadCount == 1 || flops < 500_000 {
            single(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        if n >= m {
            pool.forEachRange(n, alignment: 16, minimumPerPart: 16) { cols in
                let bBlock = transB ? b + cols.lowerBound * ldb : b + cols.lowerBound
                single(transA, transB, m, cols.count, k, alpha, a, lda, bBlock, ldb, beta,
                       c + cols.lowerBound, ldc)
            }
        } else {
            pool.forEachRange(m, alignment: 16, minimumPerPart: 16) { rows in
                let aBlock = transA ? a + rows.lowerBound : a + rows.lowerBound * lda
                single(transA, transB, rows.count, n, k, alpha, aBlock, lda, b, ldb, beta,
                       c + rows.lowerBound * ldc, ldc)
            }
        }
    }

    @inline(__always)
    private static func single(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                               _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
                               _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
                               _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Makes OpenBLAS single-threaded; called once before any product.
    static let singleThreaded: Void = { openblas_set_num_threads(1) }()
}
