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
        let ran = ck_sgemm_bf16(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias)
        guard ran != 0 else { return false }
        KernelUsage.recordBF16(ran)
        return true
    }
}

/// The kernels bf16 products can run on: vdpbf16ps on AVX-512 vectors, AMX-BF16 tiles, or the
/// tile kernel with its tile instructions emulated in C (for testing the tile kernel on CPUs
/// without AMX; much slower). By default products take tiles where Linux grants them, else vectors.
public enum BF16Kernel: Int32, CaseIterable, Sendable {
    case vectors = 1, tiles = 2, emulatedTiles = 3

    /// The kernel bf16 products run on now; nil without AVX512-BF16.
    public static var current: BF16Kernel? { BF16Kernel(rawValue: ck_bf16_kernel()) }

    /// The kernels this CPU can run.
    public static var available: [BF16Kernel] {
        guard ck_avx512_bf16_available() != 0 else { return [] }
        return ck_amx_bf16_available() != 0 ? [.vectors, .tiles, .emulatedTiles] : [.vectors, .emulatedTiles]
    }

    /// What a run's provenance records for products on this kernel.
    public var usage: KernelUsage.Kernel {
        switch self {
        case .vectors: return .bf16Product
        case .tiles: return .tileProduct
        case .emulatedTiles: return .emulatedTileProduct
        }
    }
}

extension BLAS {
    /// Runs `body` with bf16 products on `kernel` (process-wide), then goes back to the default.
    /// `kernel` must be one of `BF16Kernel.available`.
    public static func withBF16Kernel<T>(_ kernel: BF16Kernel, _ body: () throws -> T) rethrows -> T {
        precondition(ck_bf16_choose_kernel(kernel.rawValue) == 1, "this CPU cannot run bf16 products on \(kernel)")
        defer { _ = ck_bf16_choose_kernel(Int32(CK_BF16_DEFAULT)) }
        return try body()
    }
}
