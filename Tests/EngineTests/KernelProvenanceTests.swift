import XCTest
@testable import Engine
import CKernels

/// What a run records about the kernels that computed it: the kernels that actually ran (not
/// the CPU's best guess), the precision, and the CPU's model and extensions.
final class KernelProvenanceTests: XCTestCase {
    private let zen = CPUFeatures(cpuinfo: """
        processor\t: 0
        model name\t: AMD EPYC 9R14
        flags\t\t: fpu sse4_2 avx f16c fma avx2 bmi2
        processor\t: 1
        model name\t: another name
        flags\t\t: fpu
        """)

    func testCPUFeaturesReadTheFirstProcessorInAFixedOrder() {
        XCTAssertEqual(zen.modelName, "AMD EPYC 9R14")
        XCTAssertEqual(zen.extensions, ["avx", "avx2", "fma", "f16c"])
        XCTAssertFalse(zen.hasAVX512)
        XCTAssertFalse(zen.hasAVX512BF16)
        let sapphire = CPUFeatures(cpuinfo: "model name: Xeon\nflags: avx512f avx512dq avx512bw avx512vl avx512_bf16 amx_bf16 amx_tile")
        XCTAssertTrue(sapphire.hasAVX512 && sapphire.hasAVX512BF16)
        XCTAssertEqual(sapphire.extensions, ["avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512_bf16", "amx_tile", "amx_bf16"])
        XCTAssertEqual(CPUFeatures(cpuinfo: "").modelName, "unknown CPU")
    }

    func testBF16IsRefusedWithoutAVX512BF16AndSaysWhy() throws {
        XCTAssertNil(Precision.fp32.unavailability(on: zen))
        let reason = try XCTUnwrap(Precision.bf16.unavailability(on: zen))
        XCTAssertTrue(reason.contains("AVX512-BF16") && reason.contains("AMD EPYC 9R14") && reason.contains("avx2"), reason)
        // The kernel packs with AVX512-BW: the bf16 flag alone is not enough.
        let withoutBW = CPUFeatures(cpuinfo: "model name: Xeon\nflags: avx512f avx512_bf16")
        XCTAssertTrue(try XCTUnwrap(Precision.bf16.unavailability(on: withoutBW)).contains("AVX512-BW"))
        let zen4 = CPUFeatures(cpuinfo: "model name: AMD EPYC 9R14\nflags: avx2 fma avx512f avx512bw avx512_bf16")
        XCTAssertNil(Precision.bf16.unavailability(on: zen4))
    }

    func testUsageRecordsTheProductKernelsThatRan() {
        KernelUsage.reset()
        XCTAssertTrue(KernelUsage.report.isEmpty)
        let a = Tensor(shape: [4, 8]), b = Tensor(shape: [8, 5]), c = Tensor(shape: [4, 5]), v = Tensor(shape: [4, 1])
        BLAS.gemm(m: 4, n: 5, k: 8, a: a.data, lda: 8, b: b.data, ldb: 5, c: c.data, ldc: 5)
        var kernels = KernelProvenance.recorded(cpu: zen).kernels
        XCTAssertEqual(Array(kernels.keys), ["sgemm"])
        let product = try? XCTUnwrap(kernels["sgemm"])
        XCTAssertEqual(product, BLAS.useOwnKernels ? "ganbook AVX-512" : "OpenBLAS \(BLASRuntime.coreName)")
        // A one-column product goes to sgemv.
        BLAS.gemm(m: 4, n: 1, k: 8, a: a.data, lda: 8, b: b.data, ldb: 1, c: v.data, ldc: 1)
        kernels = KernelProvenance.recorded(cpu: zen).kernels
        XCTAssertEqual(kernels["sgemv"], "OpenBLAS \(BLASRuntime.coreName)")
        XCTAssertEqual(KernelProvenance.recorded(cpu: zen).products, product)
        KernelUsage.reset()
        XCTAssertTrue(KernelUsage.report.isEmpty, "reset forgets what ran")
    }

    func testUsageRecordsActivationsAndPrecisionAndCPU() {
        KernelUsage.reset()
        let x = Tensor(shape: [2, 3])
        _ = Activation.sigmoid().forward(x, training: true)
        let recorded = KernelProvenance.recorded(precision: .fp32, cpu: zen)
        XCTAssertEqual(recorded.kernels["activations"], ck_avx2_available() != 0 ? "ganbook AVX2 exp/tanh" : "Swift scalar exp/tanh")
        XCTAssertEqual(recorded.precision, .fp32)
        XCTAssertEqual(recorded.cpu, "AMD EPYC 9R14")
        XCTAssertEqual(recorded.extensions, ["avx", "avx2", "fma", "f16c"])
        KernelUsage.reset()
    }
}
