import Foundation

/// The CPU this process runs on as Linux reports it (`/proc/cpuinfo`): its model name and the
/// instruction-set extensions the kernels choose by. The flags are the kernel's, so an extension
/// the hypervisor or the OS does not enable (AVX-512 state, AMX tiles) is absent here too.
public struct CPUFeatures: Sendable, Equatable {
    public let modelName: String
    public let flags: Set<String>

    public static let current = CPUFeatures(
        cpuinfo: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")

    /// The extensions reported, in this order, spelled as `/proc/cpuinfo` spells them.
    public static let reportedExtensions = ["avx", "avx2", "fma", "f16c", "avx512f", "avx512dq", "avx512bw",
                                            "avx512vl", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16"]

    /// Reads the first processor's `model name` and `flags` lines.
    public init(cpuinfo: String) {
        var name = "unknown CPU", flags: Set<String> = []
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            if key == "model name", name == "unknown CPU" {
                name = parts[1].trimmingCharacters(in: .whitespaces)
            } else if key == "flags", flags.isEmpty {
                flags = Set(parts[1].split(separator: " ").map(String.init))
            }
        }
        modelName = name
        self.flags = flags
    }

    /// The reported extensions this CPU has, e.g. ["avx", "avx2", "fma", "f16c"].
    public var extensions: [String] { Self.reportedExtensions.filter(flags.contains) }

    /// The AVX-512 subsets OpenBLAS's SkylakeX kernel uses.
    public var hasAVX512: Bool { ["avx512f", "avx512dq", "avx512bw", "avx512vl"].allSatisfy(flags.contains) }

    /// `vdpbf16ps`: bf16 products with fp32 accumulation.
    public var hasAVX512BF16: Bool { flags.contains("avx512_bf16") }
}
