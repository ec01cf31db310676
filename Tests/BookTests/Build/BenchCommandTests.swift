import Foundation
import XCTest

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
