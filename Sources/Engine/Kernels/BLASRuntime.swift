import CBLAS
import CKernels
import Foundation

/// Which OpenBLAS kernel runs, and how to get the fast one.
///
/// Debian's OpenBLAS picks its Haswell (AVX2) kernel on AVX-512 machines it does not recognise,
/// at about half the speed of its SkylakeX kernel. The choice is read from `OPENBLAS_CORETYPE`
/// when the library loads, before `main` runs, so the only reliable fix is to set the variable
/// and re-execute the process.
public enum BLASRuntime {
    public static let coreTypeVariable = "OPENBLAS_CORETYPE"
    /// Set on the re-executed process so it never loops.
    static let reexecMarker = "GANBOOK_BLAS_REEXEC"

    /// The kernel OpenBLAS chose, e.g. "Haswell" or "SkylakeX".
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    public static var configuration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }

    /// True when the CPU has the AVX-512 subsets OpenBLAS's SkylakeX kernel uses.
    public static var cpuSupportsAVX512: Bool { CPUFeatures.current.hasAVX512 }

    /// Re-executes the current process with `OPENBLAS_CORETYPE=SkylakeX` when the CPU supports it
    /// and nobody chose a core type. Returns normally when nothing needs doing (or exec failed).
    public static func reexecWithFastKernelIfNeeded() {
        let env = ProcessInfo.processInfo.environment
        guard env[coreTypeVariable] == nil, env[reexecMarker] == nil,
              cpuSupportsAVX512, coreName != "SkylakeX", coreName != "CooperLake",
              coreName != "SapphireRapids" else { return }
        setenv(coreTypeVariable, "SkylakeX", 1)
        setenv(reexecMarker, "1", 1)
        // The compute pool does the threading: without this, OpenBLAS starts a thread per core
        // at load time that spins for a while on a core the pool needs.
        if env["OPENBLAS_NUM_THREADS"] == nil { setenv("OPENBLAS_NUM_THREADS", "1", 1) }
        let arguments = CommandLine.arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        cArgs.append(nil)
        execv("/proc/self/exe", &cArgs)
        // exec failed: carry on with the kernel we have.
        unsetenv(coreTypeVariable)
    }
}

extension BLASRuntime {
    /// Single-threaded sgemm speed for C[m×n] = A[m×k]·B[k×n], in GFLOP/s, measured for about
    /// `seconds` (a reference figure for the benchmark table).
    public static func measureSGEMM(m: Int, n: Int, k: Int, seconds: Double = 1, ownKernel: Bool = false) -> Double {
        let a = Tensor(shape: [m, k]), b = Tensor(shape: [k, n]), c = Tensor(shape: [m, n])
        var rng = RandomGenerator(seed: 1)
        rng.fillUniform(a, in: -1...1)
        rng.fillUniform(b, in: -1...1)
        _ = BLAS.singleThreaded
        func multiply() {
            BLAS.single(false, false, m, n, k, 1, a.data, k, b.data, n, 0, c.data, n, ownKernel: ownKernel)
        }
        multiply()
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            multiply()
            count += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        return 2 * Double(m * n * k) * Double(count) / elapsed / 1e9
    }

    /// One core's arithmetic ceiling for the product kernels, in GFLOP/s: their register tile
    /// on operands in L1 for about `seconds`, fp32 multiply-adds or (`precision` bf16) vdpbf16ps,
    /// or AMX's tdpbf16ps where bf16 products run on tiles.
    /// Nil where the kernel cannot run (no AVX-512, or no AVX512-BF16 for bf16).
    public static func measurePeak(_ precision: Precision, seconds: Double = 0.3) -> Double? {
        var sums = [Float](repeating: 0, count: 8 * 48)
        let bf16: Int32 = precision == .bf16 ? 1 : 0
        let onTiles = precision == .bf16 && ck_bf16_kernel() == Int32(CK_BF16_TILES)
        func run(_ repetitions: Int) -> Int {
            onTiles ? ck_peak_amx(repetitions, 0, &sums) : ck_peak_tiles(repetitions, bf16, &sums)
        }
        guard run(1) > 0 else { return nil }
        var flops = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            flops += 200 * run(200)
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < seconds
        return Double(flops) / elapsed / 1e9
    }

    /// What bf16 products run on in this process, for reports.
    public static var bf16ProductKernel: String {
        switch ck_bf16_kernel() {
        case Int32(CK_BF16_TILES): return "AMX-BF16 tiles (tdpbf16ps)"
        case Int32(CK_BF16_VECTORS):
            let refusal = ck_amx_refusal()
            let why = refusal != 0 ? "Linux refused the AMX tile state: \(String(cString: strerror(refusal)))"
                : CPUFeatures.current.flags.contains("amx_bf16") ? "AMX-BF16 set aside: vectors chosen"
                : "no AMX-BF16 on this CPU"
            return "AVX512-BF16 vectors (vdpbf16ps; \(why))"
        case Int32(CK_BF16_EMULATED_TILES): return "AMX-BF16 tiles emulated in C"
        default: return "none (no AVX512-BF16)"
        }
    }

    /// What multiplies matrices in this process, for reports.
    public static var productKernels: String {
        BLAS.useOwnKernels ? "ganbook AVX-512 where faster, else OpenBLAS \(coreName)" : "OpenBLAS \(coreName)"
    }

    /// Peak resident memory of this process so far, in bytes: Linux's VmHWM, the high-water mark
    /// of this address space. (getrusage's maxrss is no use here: after a spawn it starts at the
    /// parent's peak, so a ganbook started by a large process reports that process's size.)
    public static var peakResidentBytes: Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
            return kilobytes * 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
