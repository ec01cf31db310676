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
            guard cpu.hasAVX512BF16, cpu.flags.contains("avx512bw") else {
                let have = cpu.extensions.isEmpty ? "none of the reported extensions" : cpu.extensions.joined(separator: " ")
                return "bf16 needs AVX512-BF16 (vdpbf16ps) with AVX512-BW, which this CPU (\(cpu.modelName); \(have)) does not have"
            }
            return nil
        }
    }
}
