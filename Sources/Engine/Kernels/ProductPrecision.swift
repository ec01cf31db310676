import CKernels
import Synchronization

extension BLAS {
    private static let precisionCode = Atomic<Int>(0)

    /// The number format the matrix products of this process run in: fp32, or bf16 operands
    /// with fp32 sums (`ck_sgemm_bf16`; matrix-vector products stay on fp32 sgemv). Read by the
    /// pool's threads, so it is process-wide; a run sets it around its training steps only
    /// (`withPrecision`), so snapshots, evaluation and the classifier always multiply in fp32.
    public static var precision: Precision {
        precisionCode.load(ordering: .relaxed) == 1 ? .bf16 : .fp32
    }

    /// Runs `body` with the products in `precision`, then restores the one before.
    /// bf16 needs AVX512-BF16: callers check `Precision.unavailability()` before a run starts.
    public static func withPrecision<T>(_ precision: Precision, _ body: () throws -> T) rethrows -> T {
        precondition(precision == .fp32 || ck_avx512_bf16_available() != 0, "bf16 products need AVX512-BF16")
        let before = precisionCode.exchange(precision == .bf16 ? 1 : 0, ordering: .relaxed)
        defer { precisionCode.store(before, ordering: .relaxed) }
        return try body()
    }

    /// One bf16 product on the calling thread (`single`'s arguments); false when the CPU cannot.
    @inline(__always)
    static func singleBF16(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                           _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
                           _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
                           _ c: UnsafeMutablePointer<Float>, _ ldc: Int, bias: UnsafePointer<Float>?) -> Bool {
        guard ck_sgemm_bf16(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias) != 0
        else { return false }
        KernelUsage.record(.bf16Product)
        return true
    }
}
