import CKernels

/// The number format of a run's matrix products. Master weights, batch-norm statistics and Adam
/// stay fp32 in every precision.
public enum Precision: String, CaseIterable, Sendable {
    case fp32
    case bf16

    /// Why this precision cannot run on `cpu` in this build, or nil when it can.
    public func unavailability(on cpu: CPUFeatures = .current) -> String? {
        switch self {
        case .fp32:
            return nil
        case .bf16:
            let have = cpu.extensions.isEmpty ? "none of the reported extensions" : cpu.extensions.joined(separator: " ")
            guard cpu.hasAVX512BF16, cpu.flags.contains("avx512bw") else {
                return "bf16 needs AVX512-BF16 (vdpbf16ps) with AVX512-BW, which this CPU (\(cpu.modelName); \(have)) does not have"
            }
            // The kernel asks the CPU itself (cpuid); where /proc/cpuinfo claims more than that
            // (a filtered or synthetic one in a container), the kernel's answer decides.
            if cpu == .current, ck_avx512_bf16_available() == 0 {
                return "bf16 needs AVX512-BF16 (vdpbf16ps) with AVX512-BW, which /proc/cpuinfo lists for this CPU (\(cpu.modelName)) but the processor does not report"
            }
            return nil
        }
    }
}
