import CKernels
import XCTest
@testable import Engine

/// The core ceiling the benchmark divides by: the products' register tile on operands in L1.
final class CorePeakTests: XCTestCase {
    /// The tile really multiplies and adds: 0.5 · 1 summed over its 128 steps (two products a
    /// step for bf16 pairs) in every one of its 8 × 48 sums, and one repetition's FLOPs returned.
    func testThePeakTileComputesEverySumItCounts() throws {
        try XCTSkipUnless(ck_avx512_available() != 0, "needs AVX-512")
        for (bf16, expected) in [(Int32(0), Float(64)), (Int32(1), Float(128))] {
            if bf16 == 1, ck_avx512_bf16_available() == 0 { continue }
            var sums = [Float](repeating: -1, count: 8 * 48)
            let flops = ck_peak_tiles(3, bf16, &sums)
            XCTAssertEqual(flops, 2 * 8 * 48 * 128 * (bf16 == 1 ? 2 : 1), "bf16: \(bf16)")
            XCTAssertEqual(Set(sums), [expected], "bf16: \(bf16)")
        }
    }

    /// The tiles' ceiling computes all it counts: on the C emulation wherever AVX512-BF16 runs,
    /// and on AMX's tiles where Linux grants them; nil elsewhere.
    func testTheTilePeakComputesEverySumItCounts() throws {
        try XCTSkipUnless(ck_avx512_bf16_available() != 0, "needs AVX512-BF16")
        for emulated in [Int32(1), Int32(0)] {
            var sums = [Float](repeating: -1, count: 16 * 16)
            let flops = ck_peak_amx(2, emulated, &sums)
            if emulated == 0, ck_amx_bf16_available() == 0 {
                XCTAssertEqual(flops, 0)
                XCTAssertEqual(Set(sums), [-1], "nothing written")
                continue
            }
            XCTAssertEqual(flops, 2 * 64 * 4 * 16 * 16 * 32, "emulated: \(emulated)")
            XCTAssertEqual(Set(sums), [1024], "emulated: \(emulated)")
        }
    }

    func testThePeakIsMeasuredWhereTheKernelRunsAndNilElsewhere() throws {
        if ck_avx512_available() != 0 {
            let peak = try XCTUnwrap(BLASRuntime.measurePeak(.fp32, seconds: 0.05))
            XCTAssertGreaterThan(peak, 0)
        } else {
            XCTAssertNil(BLASRuntime.measurePeak(.fp32, seconds: 0.05))
        }
        if ck_avx512_bf16_available() == 0 {
            XCTAssertNil(BLASRuntime.measurePeak(.bf16, seconds: 0.05))
        } else {
            XCTAssertNotNil(BLASRuntime.measurePeak(.bf16, seconds: 0.05))
        }
    }
}
