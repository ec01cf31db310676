import Foundation
import XCTest
import Engine
@testable import Book

/// `ganbook bench --json` run as a user would: one object per model and thread count, with the
/// fields the README documents, each a measured (positive) figure.
final class BenchCommandTests: XCTestCase {
    func testJSONListsEachModelAndThreadCount() throws {
        let ganbook = try GanbookExecutable.located()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1,2", "--seconds", "0.2", "--json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        let rows = try XCTUnwrap(parsed as? [[String: Any]], outcome.stdout)
        XCTAssertEqual(rows.map { $0["model"] as? String }, ["mlp", "mlp"])
        XCTAssertEqual(rows.map { $0["threads"] as? Int }, [1, 2])
        for row in rows {
            for key in ["iterations_per_second", "images_per_second", "gflops", "sgemm_gflops_64x1024x784",
                        "peak_memory_mb"] {
                let value = try XCTUnwrap(row[key] as? Double, "\(key) missing in \(row)")
                XCTAssertGreaterThan(value, 0, key)
            }
            let perSecond = try XCTUnwrap(row["iterations_per_second"] as? Double)
            let images = try XCTUnwrap(row["images_per_second"] as? Double)
            XCTAssertEqual(images, perSecond * 64, accuracy: images * 0.01 + 1, "64 images per iteration")
            XCTAssertEqual(row["gflop_per_iteration"] as? Double ?? 0, 1.0093, accuracy: 0.001, "the MLP's FLOP count")
            XCTAssertNotNil(row["product_kernels"] as? String)
        }
    }

    func testKernelSwitchSendsProductsToOpenBLAS() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1", "--json"],
                                      in: FileManager.default.temporaryDirectory, environment: ["GANBOOK_KERNELS": "blas"])
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let kernels = try XCTUnwrap(rows.first?["product_kernels"] as? String)
        XCTAssertTrue(kernels.hasPrefix("OpenBLAS"), kernels)
        XCTAssertTrue(rows.first?["own_kernel_gflops_64x1024x784"] is NSNull, "\(rows)")
    }

    func testBadThreadListIsRefused() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--threads", "zero"], in: FileManager.default.temporaryDirectory)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("--threads"), outcome.all)
    }
}

/// `ganbook bench`'s typed options: thread lists, the model enum and precisions are parsed on the
/// command line, and bad values are refused there with a message naming the option.
final class BenchArgumentsTests: XCTestCase {
    func testThreadListsParseIntoCounts() throws {
        XCTAssertEqual(try BenchArguments.threadCounts("1,2"), [1, 2])
        XCTAssertEqual(try BenchArguments.threadCounts(" 2 , 1 "), [2, 1])
        for bad in ["zero", "0", "1,,2", "", "1,2,1", "1.5", "257", "-1"] {
            XCTAssertThrowsError(try BenchArguments.threadCounts(bad), bad) { error in
                XCTAssertFalse("\(error)".isEmpty)
            }
        }
        XCTAssertTrue("\(try XCTUnwrap(catching { try BenchArguments.threadCounts("1,x") }))".contains("\"x\""))
    }

    func testPrecisionListsParse() throws {
        XCTAssertEqual(try BenchArguments.precisions("fp32"), [.fp32])
        XCTAssertEqual(try BenchArguments.precisions("fp32,BF16"), [.fp32, .bf16])
        XCTAssertThrowsError(try BenchArguments.precisions("fp16"))
        XCTAssertThrowsError(try BenchArguments.precisions("fp32,fp32"))
    }

    func testBadValuesAreRefusedByTheCommandLine() throws {
        let ganbook = try GanbookExecutable.located()
        let folder = FileManager.default.temporaryDirectory
        let threads = try ganbook.run(["bench", "--threads", "1,x"], in: folder)
        XCTAssertNotEqual(threads.status, 0)
        XCTAssertTrue(threads.stderr.contains("--threads") && threads.stderr.contains("\"x\" is not a thread count"), threads.all)
        let model = try ganbook.run(["bench", "--model", "gpt"], in: folder)
        XCTAssertNotEqual(model.status, 0)
        XCTAssertTrue(model.stderr.contains("--model") && model.stderr.contains("dcgan"), model.all)
        let precision = try ganbook.run(["bench", "--precision", "fp16"], in: folder)
        XCTAssertNotEqual(precision.status, 0)
        XCTAssertTrue(precision.stderr.contains("--precision") && precision.stderr.contains("fp32 or bf16"), precision.all)
    }

    func testBF16IsRefusedBeforeMeasuringWhereItCannotRun() throws {
        let cpu = CPUFeatures.current
        // Where the CPU runs bf16 there is nothing to refuse; `KernelProvenanceTests` covers the
        // refusal with the flags of CPUs that lack it.
        try XCTSkipIf(Precision.bf16.unavailability(on: cpu) == nil, "this CPU runs bf16")
        let reason = try XCTUnwrap(Precision.bf16.unavailability(on: cpu))
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1", "--precision", "fp32,bf16"],
                                      in: FileManager.default.temporaryDirectory)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("--precision bf16: " + reason), outcome.all)
        XCTAssertFalse(outcome.stdout.contains("it/s"), "nothing measured: \(outcome.all)")
        if !cpu.hasAVX512BF16 { XCTAssertTrue(reason.contains("AVX512-BF16"), reason) }
    }

    /// Where the CPU runs bf16, `--precision fp32,bf16` measures both and reports each row's precision.
    func testBothPrecisionsAreMeasuredWhereBF16Runs() throws {
        try XCTSkipIf(Precision.bf16.unavailability() != nil, "this CPU has no AVX512-BF16")
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1", "--precision", "fp32,bf16",
                                       "--json"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["precision"] as? String }, ["fp32", "bf16"])
        for row in rows { XCTAssertGreaterThan(row["iterations_per_second"] as? Double ?? 0, 0, "\(row)") }
        XCTAssertGreaterThan(rows.last?["bf16_kernel_gflops_64x1024x784"] as? Double ?? 0, 0, "\(rows)")
        let onTiles = BF16Kernel.current == .tiles
        XCTAssertEqual(rows.last?["bf16_product_kernel"] as? String,
                       onTiles ? "AMX-BF16 tiles (tdpbf16ps)" : BLASRuntime.bf16ProductKernel, "\(rows)")
        XCTAssertTrue(rows.first?["bf16_product_kernel"] is NSNull, "fp32 rows name no bf16 kernel: \(rows)")
    }

    /// The table says which kernel bf16 products ran on, and GANBOOK_BF16_KERNEL=vectors keeps
    /// them on vdpbf16ps where AMX would take them.
    func testTheBF16KernelIsPrintedAndVectorsCanBeChosen() throws {
        try XCTSkipIf(Precision.bf16.unavailability() != nil, "this CPU has no AVX512-BF16")
        let ganbook = try GanbookExecutable.located()
        let arguments = ["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1", "--precision", "bf16"]
        let chosen = try ganbook.run(arguments, in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(chosen.status, 0, chosen.all)
        let expected = BF16Kernel.current == .tiles ? "bf16 products: AMX-BF16 tiles" : "bf16 products: AVX512-BF16 vectors (vdpbf16ps"
        XCTAssertTrue(chosen.stdout.contains(expected), chosen.stdout)
        let vectors = try ganbook.run(arguments, in: FileManager.default.temporaryDirectory,
                                      environment: ["GANBOOK_BF16_KERNEL": "vectors"])
        XCTAssertEqual(vectors.status, 0, vectors.all)
        XCTAssertTrue(vectors.stdout.contains("bf16 products: AVX512-BF16 vectors (vdpbf16ps"), vectors.stdout)
    }

    func testTheTableAndJSONReportThePrecisionAndTheCPU() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1", "--precision", "fp32",
                                       "--json"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.first?["precision"] as? String, "fp32")
        XCTAssertEqual(rows.first?["cpu_extensions"] as? [String], CPUFeatures.current.extensions)
        let table = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1"],
                                    in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(table.status, 0, table.all)
        XCTAssertTrue(table.stdout.contains("precision") && table.stdout.contains("mlp    fp32"), table.stdout)
        XCTAssertTrue(table.stdout.contains("CPU: \(CPUFeatures.current.modelName)"), table.stdout)
    }

    func testIterationsRunsExactlyThatManyAndRefusesZero() throws {
        let ganbook = try GanbookExecutable.located()
        let folder = FileManager.default.temporaryDirectory
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--iterations", "3", "--json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.first?["iterations"] as? Int, 3, outcome.stdout)
        let zero = try ganbook.run(["bench", "--iterations", "0"], in: folder)
        XCTAssertNotEqual(zero.status, 0)
        XCTAssertTrue(zero.stderr.contains("--iterations expects 1 to 1000000"), zero.all)
    }

    private func catching(_ body: () throws -> Void) -> Error? {
        do { try body() } catch { return error }
        return nil
    }
}
