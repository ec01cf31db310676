import Synchronization

/// Which kernels actually ran in this process since the last `reset()`, for provenance: our own
/// kernels decline shapes and CPUs they do not handle, so what a run used is recorded where each
/// kernel is called, not guessed from the CPU.
public enum KernelUsage {
    /// One kernel, filed under the operation it serves (`family`).
    public enum Kernel: Int, CaseIterable, Sendable {
        case ownProduct, blasProduct, bf16Product, tileProduct, emulatedTileProduct
        case blasMatrixVector
        case adamInProduct, ownAdam, avx2Adam, swiftAdam
        case swiftSGD
        case ownActivation, avx2Activation, swiftActivation, avx2Transcendental, swiftTranscendental
        case im2col, winograd

        /// The key it is reported under: "sgemm", "sgemv", "adam", "sgd", "activations" or "conv".
        public var family: String {
            switch self {
            case .ownProduct, .blasProduct, .bf16Product, .tileProduct, .emulatedTileProduct: return "sgemm"
            case .blasMatrixVector: return "sgemv"
            case .adamInProduct, .ownAdam, .avx2Adam, .swiftAdam: return "adam"
            case .swiftSGD: return "sgd"
            case .ownActivation, .avx2Activation, .swiftActivation, .avx2Transcendental, .swiftTranscendental:
                return "activations"
            case .im2col, .winograd: return "conv"
            }
        }

        public var label: String {
            switch self {
            case .ownProduct: return "ganbook AVX-512"
            case .bf16Product: return "ganbook AVX512-BF16"
            case .tileProduct: return "ganbook AMX-BF16"
            case .emulatedTileProduct: return "ganbook AMX-BF16 tiles emulated in C"
            case .blasProduct, .blasMatrixVector: return "OpenBLAS \(BLASRuntime.coreName)"
            case .adamInProduct: return "ganbook AVX-512 in the sgemm store"
            case .ownAdam: return "ganbook AVX-512"
            case .avx2Adam, .avx2Activation: return "ganbook AVX2"
            case .avx2Transcendental: return "ganbook AVX2 exp/tanh"
            case .swiftAdam: return "Swift SIMD4"
            case .swiftSGD: return "Swift scalar"
            case .ownActivation: return "ganbook AVX-512"
            case .swiftActivation: return "Swift SIMD4"
            case .swiftTranscendental: return "Swift scalar exp/tanh"
            case .im2col: return "im2col + sgemm"
            case .winograd: return "Winograd F(2×2, 2×2)"
            }
        }
    }

    private static let used = Atomic<Int>(0)

    /// Marks `kernel` as used. A relaxed load first: after the first call this writes nothing, so
    /// threads recording the same kernel do not contend for the cache line.
    @inline(__always)
    public static func record(_ kernel: Kernel) {
        let bit = 1 << kernel.rawValue
        if used.load(ordering: .relaxed) & bit == 0 { used.bitwiseOr(bit, ordering: .relaxed) }
    }

    /// Forgets what ran so far (at the start of a run).
    public static func reset() { used.store(0, ordering: .relaxed) }

    /// The bf16 product kernel `ck_sgemm_bf16` reports it ran (CK_BF16_VECTORS, _TILES or _EMULATED_TILES).
    @inline(__always)
    public static func recordBF16(_ ran: Int32) {
        record(BF16Kernel(rawValue: ran)?.usage ?? .bf16Product)
    }

    public static var kernels: [Kernel] {
        let mask = used.load(ordering: .relaxed)
        return Kernel.allCases.filter { mask & (1 << $0.rawValue) != 0 }
    }

    /// family → the labels of the kernels used for it, in declaration order, joined by " + "
    /// (e.g. "sgemm": "ganbook AVX-512 + OpenBLAS SkylakeX"), sorted by family.
    public static var report: [(family: String, kernels: String)] {
        var byFamily: [String: [String]] = [:]
        for kernel in kernels { byFamily[kernel.family, default: []].append(kernel.label) }
        return byFamily.keys.sorted().map { (family: $0, kernels: byFamily[$0]!.joined(separator: " + ")) }
    }
}
