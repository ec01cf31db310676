import XCTest
import CKernels
@testable import Engine

/// `ck_sgemm_bf16` against direct loops in double. Two references: the product of the operands
/// rounded to bf16 (which the kernel must match to fp32 summation error: it rounds exactly so),
/// and the exact fp32 product (which it must match within bf16's stated tolerance, 2⁻⁸ relative
/// per operand, 2⁻⁷ per product). Every transposition, tile edges, odd k, padded leading dimensions, alpha, beta,
/// bias, Adam in the store, and identical results on one and two threads.
///
/// Every check runs on each kernel this CPU can run: vdpbf16ps on vectors, the tile kernel with
/// its tile instructions emulated in C (its blocking and padding, on any CPU with AVX512-BF16),
/// and AMX tiles where the CPU has them and Linux grants them.
final class BF16ProductTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ck_avx512_bf16_available() != 0, "this CPU has no AVX512-BF16")
    }

    override func tearDown() {
        XCTAssertEqual(ck_bf16_choose_kernel(Int32(CK_BF16_DEFAULT)), 1)
    }

    /// Float → bf16 → Float, round to nearest even (finite inputs).
    static func roundedToBF16(_ x: Float) -> Float {
        let bits = x.bitPattern
        return Float(bitPattern: (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000)
    }

    private struct Case {
        var transA, transB: Bool
        var m, n, k: Int
        var alpha: Float = 1, beta: Float = 0
        var bias = false
        /// C's rows are this many floats longer than n (0: rows on whole cache lines).
        var columnPadding = 5
    }

    /// Floats in about [−1, 1], the same sequence in every run.
    private struct RandomFloats {
        var state: UInt64 = 12345
        mutating func random(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Float(Int(state >> 40) % 2001 - 1000) / 997
            }
        }
    }

    private func check(_ t: Case, file: StaticString = #filePath, line: UInt = #line) {
        var generator = RandomFloats()
        let lda = (t.transA ? t.m : t.k) + 3, ldb = (t.transB ? t.k : t.n) + 2, ldc = t.n + t.columnPadding
        let a = generator.random((t.transA ? t.k : t.m) * lda), b = generator.random((t.transB ? t.n : t.k) * ldb)
        let c = generator.random(t.m * ldc), bias = generator.random(t.n)
        var rounded = c, exact = c, scale = [Double](repeating: 0, count: t.m * ldc)
        for i in 0..<t.m {
            for j in 0..<t.n {
                var sumRounded = 0.0, sumExact = 0.0, magnitude = 0.0
                for p in 0..<t.k {
                    let av = t.transA ? a[p * lda + i] : a[i * lda + p]
                    let bv = t.transB ? b[j * ldb + p] : b[p * ldb + j]
                    sumRounded += Double(Self.roundedToBF16(av)) * Double(Self.roundedToBF16(bv))
                    sumExact += Double(av) * Double(bv)
                    magnitude += abs(Double(av) * Double(bv))
                }
                let start = t.bias ? Double(bias[j]) : Double(t.beta) * Double(c[i * ldc + j])
                rounded[i * ldc + j] = Float(Double(t.alpha) * sumRounded + start)
                exact[i * ldc + j] = Float(Double(t.alpha) * sumExact + start)
                scale[i * ldc + j] = abs(Double(t.alpha)) * magnitude
            }
        }
        for kernel in BF16Kernel.available {
            var actual = c
            let handled = BLAS.withBF16Kernel(kernel) {
                actual.withUnsafeMutableBufferPointer { pc in
                    ck_sgemm_bf16(t.transA ? 1 : 0, t.transB ? 1 : 0, t.m, t.n, t.k, t.alpha, a, lda, b, ldb, t.beta,
                                  pc.baseAddress, ldc, t.bias ? bias : nil)
                }
            }
            let on = "\(kernel)"
            XCTAssertEqual(handled, kernel.rawValue, "\(on): \(t)", file: file, line: line)
            for i in 0..<t.m {
                for j in 0..<ldc {
                    let index = i * ldc + j
                    guard j < t.n else {
                        XCTAssertEqual(actual[index], c[index], "\(on) wrote past column \(t.n) in row \(i): \(t)",
                                       file: file, line: line)
                        continue
                    }
                    // fp32 sums of bf16 products: the rounded reference to summation error.
                    XCTAssertEqual(actual[index], rounded[index], accuracy: Float(2e-6 * scale[index]) + 1e-5,
                                   "\(on): C[\(i), \(j)] against the bf16-rounded reference, \(t)", file: file, line: line)
                    // Against fp32: each operand is off by at most 2⁻⁸ relative (8 significant bits), each product by 2⁻⁷.
                    XCTAssertEqual(actual[index], exact[index], accuracy: Float(scale[index] / 128) + 1e-5,
                                   "\(on): C[\(i), \(j)] against the fp32 product, \(t)", file: file, line: line)
                }
            }
        }
    }

    func testEveryTranspositionAtTileEdgesAndOddK() {
        for transA in [false, true] {
            for transB in [false, true] {
                for (m, n) in [(1, 1), (7, 15), (8, 16), (9, 17), (13, 47), (16, 48), (17, 49), (32, 32), (64, 100), (6, 65),
                               (33, 130)] {
                    for k in [1, 2, 5, 31, 33, 64, 65, 300] {
                        check(Case(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, beta: 0.25))
                    }
                }
            }
        }
    }

    func testBiasAndBetaOne() {
        check(Case(transA: false, transB: false, m: 64, n: 100, k: 300, bias: true))
        check(Case(transA: false, transB: true, m: 3, n: 20, k: 4, alpha: 2, bias: true))
        check(Case(transA: true, transB: false, m: 33, n: 70, k: 64, beta: 1))
    }

    /// The MLP's and a convolution's shapes, larger than any tile or block.
    func testLargeShapes() {
        check(Case(transA: false, transB: false, m: 64, n: 1024, k: 784))
        check(Case(transA: true, transB: false, m: 784, n: 256, k: 64))
        check(Case(transA: false, transB: true, m: 300, n: 64, k: 800))
    }

    /// A C of half a million floats (2 MB) and more, written once, goes past the caches (aligned rows and
    /// padded ones), and not when it is also read (beta).
    func testLargeOutputsWrittenPastTheCaches() {
        check(Case(transA: true, transB: false, m: 1030, n: 1040, k: 40, columnPadding: 0))
        check(Case(transA: false, transB: false, m: 1024, n: 1030, k: 17, bias: true))
        check(Case(transA: false, transB: false, m: 1024, n: 1024, k: 9, beta: 0.5, columnPadding: 0))
    }

    /// A bf16 product's Adam in the store equals the bf16 product stored, then `ck_adam`, bit
    /// for bit, for any k (no blocking in k) and a transposed B.
    func testAdamInTheStoreEqualsProductThenAdam() {
        var generator = RandomFloats()
        for (transA, transB, m, n, k) in [(true, false, 37, 1030, 64), (false, false, 20, 100, 300), (false, true, 20, 100, 30),
                                          (true, true, 9, 17, 1)] {
            let lda = (transA ? m : k) + 2, ldb = (transB ? k : n) + 1, ld = n + 5
            let a = generator.random((transA ? k : m) * lda), b = generator.random((transB ? n : k) * ldb)
            let w = generator.random(m * ld), first = generator.random(m * ld).map { $0 * 0.01 }
            let second = generator.random(m * ld).map { $0 * $0 }
            let step: (Float, Float, Float, Float, Float) = (0.5, 0.999, 1e-8, 2e-4 / 0.75, 1.7)
            for kernel in BF16Kernel.available {
                var gradient = [Float](repeating: 0, count: m * ld)
                XCTAssertEqual(BLAS.withBF16Kernel(kernel) { ck_sgemm_bf16(transA ? 1 : 0, transB ? 1 : 0, m, n, k, 1, a, lda, b, ldb, 0,
                                                               &gradient, ld, nil) }, kernel.rawValue)
                var (w1, m1, v1) = (w, first, second), (w2, m2, v2) = (w, first, second)
                for row in 0..<m {
                    let o = row * ld
                    w1.withUnsafeMutableBufferPointer { pw in m1.withUnsafeMutableBufferPointer { pm in
                        v1.withUnsafeMutableBufferPointer { pv in
                            _ = ck_adam(n, pw.baseAddress! + o, Array(gradient[o..<o + n]), pm.baseAddress! + o, pv.baseAddress! + o,
                                        step.0, step.1, step.2, step.3, step.4)
                        }
                    } }
                }
                let handled = w2.withUnsafeMutableBufferPointer { pw in m2.withUnsafeMutableBufferPointer { pm in
                    v2.withUnsafeMutableBufferPointer { pv in
                        var update = ck_adam_update(weights: pw.baseAddress, first: pm.baseAddress, second: pv.baseAddress, ld: ld,
                                                    beta1: step.0, beta2: step.1, epsilon: step.2, stepSize: step.3, invRoot: step.4)
                        return BLAS.withBF16Kernel(kernel) { ck_sgemm_bf16_adam(transA ? 1 : 0, transB ? 1 : 0, m, n, k, a, lda, b, ldb, &update) }
                    }
                } }
                let on = "\(kernel)"
                XCTAssertEqual(handled, kernel.rawValue, on)
                XCTAssertEqual(w2, w1, "\(on): weights, \((transA, transB, m, n, k))")
                XCTAssertEqual(m2, m1, "\(on): first moments")
                XCTAssertEqual(v2, v1, "\(on): second moments")
            }
        }
    }

    /// Under `BLAS.withPrecision(.bf16)` the pool's products are the bf16 kernel's, the same bits
    /// on one thread and on two (each element's sum runs in one order wherever its tile falls),
    /// and different from fp32's; the precision is restored afterwards. The kernel that ran is
    /// the one recorded for provenance.
    func testPoolProductsInBF16AreDeterministicAcrossThreadCounts() {
        var generator = RandomFloats()
        let (m, n, k) = (96, 700, 300)
        let a = generator.random(m * k), b = generator.random(k * n)
        func product(threads: Int, _ precision: Precision) -> [Float] {
            ComputePool.configure(threads: threads)
            var c = [Float](repeating: 0, count: m * n)
            BLAS.withPrecision(precision) {
                c.withUnsafeMutableBufferPointer { pc in
                    BLAS.gemm(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, c: pc.baseAddress!, ldc: n)
                }
            }
            return c
        }
        let fp32 = product(threads: 1, .fp32)
        for kernel in BF16Kernel.available {
            KernelUsage.reset()
            let (one, two) = BLAS.withBF16Kernel(kernel) { (product(threads: 1, .bf16), product(threads: 2, .bf16)) }
            let on = "\(kernel)"
            XCTAssertEqual(KernelUsage.kernels.filter { $0.family == "sgemm" }, [kernel.usage], on)
            XCTAssertEqual(one, two, on)
            XCTAssertNotEqual(one, fp32, on)
            XCTAssertEqual(BLAS.precision, .fp32)
        }
        ComputePool.configure(threads: 1)
    }

    /// Swift's names for the kernels are the C constants `ck_bf16_kernel` answers with.
    func testKernelNamesAreTheCConstants() {
        XCTAssertEqual(BF16Kernel.vectors.rawValue, Int32(CK_BF16_VECTORS))
        XCTAssertEqual(BF16Kernel.tiles.rawValue, Int32(CK_BF16_TILES))
        XCTAssertEqual(BF16Kernel.emulatedTiles.rawValue, Int32(CK_BF16_EMULATED_TILES))
        XCTAssertEqual(BF16Kernel.current?.rawValue, ck_bf16_kernel())
    }

    /// Tiles by default exactly where the CPU has AMX-BF16 and Linux lists it (its flags are the
    /// kernel's: listed means the tile state can be granted); elsewhere vdpbf16ps, and asking for
    /// tiles changes nothing.
    func testTilesByDefaultWhereverLinuxListsAMX() {
        let flags = CPUFeatures.current.flags
        let vectorsChosen = ProcessInfo.processInfo.environment["GANBOOK_BF16_KERNEL"] == "vectors"
        let listed = flags.contains("amx_tile") && flags.contains("amx_bf16") && !vectorsChosen
        let refusal = ck_amx_refusal()
        XCTAssertEqual(ck_amx_bf16_available() != 0, listed,
                       "AMX-BF16 listed in /proc/cpuinfo: \(listed); Linux's refusal: \(String(cString: strerror(refusal)))")
        if ck_amx_bf16_available() != 0 || !flags.contains("amx_tile") { XCTAssertEqual(refusal, 0, "granted, or never asked") }
        XCTAssertEqual(ck_bf16_kernel(), Int32(listed ? CK_BF16_TILES : CK_BF16_VECTORS))
        if !listed {
            XCTAssertEqual(ck_bf16_choose_kernel(Int32(CK_BF16_TILES)), 0)
            XCTAssertEqual(ck_bf16_kernel(), Int32(CK_BF16_VECTORS))
        }
        XCTAssertEqual(ck_bf16_choose_kernel(Int32(CK_BF16_VECTORS)), 1)
        XCTAssertEqual(ck_bf16_kernel(), Int32(CK_BF16_VECTORS))
    }
}

/// Without AVX512-BF16 every bf16 entry point declines (returns 0) and writes nothing.
final class BF16ProductAbsenceTests: XCTestCase {
    func testTheKernelDeclinesWithoutTheInstruction() throws {
        try XCTSkipIf(ck_avx512_bf16_available() != 0, "this CPU has AVX512-BF16: BF16ProductTests cover it")
        let a = [Float](repeating: 1, count: 4), b = [Float](repeating: 1, count: 4)
        var c = [Float](repeating: 7, count: 4)
        XCTAssertEqual(ck_sgemm_bf16(0, 0, 2, 2, 2, 1, a, 2, b, 2, 0, &c, 2, nil), 0)
        XCTAssertEqual(c, [7, 7, 7, 7], "nothing written")
        XCTAssertEqual(ck_bf16_kernel(), Int32(CK_BF16_NONE))
        XCTAssertEqual(ck_bf16_choose_kernel(Int32(CK_BF16_EMULATED_TILES)), 0)
        XCTAssertEqual(ck_bf16_choose_kernel(Int32(CK_BF16_TILES)), 0)
        XCTAssertNotNil(Precision.bf16.unavailability())
    }
}
