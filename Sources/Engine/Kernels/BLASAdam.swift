import CKernels

extension BLAS {
    /// G = op(A)·op(B) (m×n) is the gradient of `update.weights`: Adam is applied to each block
    /// of G as the block is computed (`ck_sgemm_adam`), so G is never stored. Split across the
    /// pool by rows, so each thread updates one contiguous run of weights and moments (Adam is
    /// bound by memory traffic; blocks of columns cut it into short pieces, which measured slower).
    /// Where our kernel declines (no AVX-512, a transposed B, k > 256), the
    /// block is stored in `gradient` (ldc = n's row stride) and Adam runs over it there.
    static func gemmAdam(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                         a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                         gradient: UnsafeMutablePointer<Float>, ldc: Int, update: AdamInStore,
                         pool: ComputePool = .shared) {
        precondition(update.leadingDimension == ldc, "Adam's weights must be laid out as their gradient")
        if m == 0 || n == 0 { return }
        if n == 1 {
            // A matrix-vector product: stored by gemm's own route (sgemv), then Adam over it.
            gemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                 c: gradient, ldc: ldc, pool: pool)
            applyAdam(rows: m, columns: n, gradient: gradient, ldc: ldc, update)
            return
        }
        var split = Split(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, a: a, lda: lda, b: b, ldb: ldb,
                          beta: 0, c: gradient, ldc: ldc, biasRow: nil, adam: update, byColumns: m < 32)
        split.run(pool: pool)
    }

    /// One block on the calling thread: Adam in our kernel's store, or the product stored and then Adam.
    static func singleAdam(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                           _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                           _ gradient: UnsafeMutablePointer<Float>, _ ldc: Int, _ update: AdamInStore) {
        let c = update.coefficients
        var target = ck_adam_update(weights: update.weights, first: update.first, second: update.second,
                                    ld: update.leadingDimension, beta1: c.b1, beta2: c.b2, epsilon: c.eps,
                                    stepSize: c.stepSize, invRoot: c.invRoot)
        if precision == .bf16 {
            let ran = ck_sgemm_bf16_adam(transA ? 1 : 0, transB ? 1 : 0, m, n, k, a, lda, b, ldb, &target)
            if ran != 0 {
                KernelUsage.recordBF16(ran)
                KernelUsage.record(.adamInProduct)
                return
            }
        }
        if useOwnKernels, ck_sgemm_adam(transA ? 1 : 0, transB ? 1 : 0, m, n, k, a, lda, b, ldb, &target) != 0 {
            KernelUsage.record(.ownProduct)
            KernelUsage.record(.adamInProduct)
            return
        }
        single(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, gradient, ldc)
        applyAdam(rows: m, columns: n, gradient: gradient, ldc: ldc, update)
    }

    /// Adam over a stored gradient block (rows × columns, row stride ldc) and its weights.
    private static func applyAdam(rows m: Int, columns n: Int, gradient: UnsafeMutablePointer<Float>, ldc: Int,
                                  _ update: AdamInStore) {
        for row in 0..<m {
            let o = row * ldc
            AdamKernel.apply(count: n, weights: update.weights + o, gradients: gradient + o, first: update.first + o,
                             second: update.second + o, update.coefficients)
        }
    }
}
