/// What computed a run, for its run.json: the kernels that ran for each operation
/// (`KernelUsage`), the products' precision, and the CPU with the extensions it offered.
public struct KernelProvenance: Sendable, Equatable {
    /// family → kernels, sorted by family (see `KernelUsage.report`).
    public var kernels: [String: String]
    public var precision: Precision
    public var cpu: String
    public var extensions: [String]

    public init(kernels: [String: String], precision: Precision, cpu: String, extensions: [String]) {
        self.kernels = kernels
        self.precision = precision
        self.cpu = cpu
        self.extensions = extensions
    }

    /// The kernels recorded since `KernelUsage.reset()`, on this CPU.
    public static func recorded(precision: Precision = .fp32, cpu: CPUFeatures = .current) -> KernelProvenance {
        var kernels: [String: String] = [:]
        for entry in KernelUsage.report { kernels[entry.family] = entry.kernels }
        return KernelProvenance(kernels: kernels, precision: precision, cpu: cpu.modelName, extensions: cpu.extensions)
    }

    /// The matrix products' kernels in one phrase (run.json's `engine`), e.g. "OpenBLAS Zen" or
    /// "ganbook AVX-512 + OpenBLAS SkylakeX"; the OpenBLAS core when no product ran.
    public var products: String {
        kernels["sgemm"] ?? kernels["sgemv"] ?? "OpenBLAS \(BLASRuntime.coreName)"
    }
}
