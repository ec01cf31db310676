import Foundation
import XCTest
@testable import Book

/// `ganbook bench --peers`: the reference scripts measured in the same rounds as ganbook, with
/// stand-in scripts and a stand-in "python" (a shell script that logs its arguments and prints
/// the line the real references print).
final class BenchPeersTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("peers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for script in ["peer_torch.py", "peer_jax.py", "peer_jax_dcgan.py"] {
            try "# stand-in\n".write(to: folder.appendingPathComponent(script), atomically: true, encoding: .utf8)
        }
        let python = """
            #!/bin/sh
            echo "$@" >> "\(folder.path)/calls.log"
            case "$1" in
              *peer_torch.py) echo "torch 0 model=mlp batch=64 threads=1 iters/s=50.0 images/s=3200" ;;
              *peer_jax.py) echo "jax 0 model=mlp batch=64 threads=1 iters/s=100.0 images/s=6400" ;;
              *) echo "ModuleNotFoundError: No module named 'jax'" >&2; exit 3 ;;
            esac
            """
        let url = folder.appendingPathComponent("python")
        try python.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testPeersRunInEveryRoundAndTheMedianIsReported() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "0.1", "--rounds", "3",
                                       "--json", "--peers", folder.path, "--python", folder.appendingPathComponent("python").path],
                                      in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(row["rounds"] as? Int, 3)
        XCTAssertEqual(row["pytorch_iterations_per_second"] as? Double, 50)
        XCTAssertEqual(row["jax_iterations_per_second"] as? Double, 100)
        let median = try XCTUnwrap(row["iterations_per_second"] as? Double)
        let low = try XCTUnwrap(row["iterations_per_second_min"] as? Double)
        let high = try XCTUnwrap(row["iterations_per_second_max"] as? Double)
        XCTAssertTrue(low <= median && median <= high && low > 0, "\(low) ≤ \(median) ≤ \(high)")
        XCTAssertEqual(row["ratio_to_best_peer"] as? Double ?? 0, median / 100, accuracy: 0.001, "against the faster peer, JAX")
        // The row's GFLOP/s against the core's ceiling for its precision, where the kernels run.
        if let peak = row["core_peak_gflops"] as? Double {
            let gflops = try XCTUnwrap(row["gflops"] as? Double)
            XCTAssertEqual(try XCTUnwrap(row["fraction_of_peak"] as? Double), gflops / peak, accuracy: 0.002)
        } else {
            XCTAssertTrue(row["core_peak_gflops"] is NSNull && row["fraction_of_peak"] is NSNull, "\(row)")
        }

        let calls = try String(contentsOf: folder.appendingPathComponent("calls.log"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        XCTAssertEqual(calls.count, 6, "each peer once per round: \(calls)")
        XCTAssertEqual(calls.filter { $0.contains("peer_torch.py --model mlp --threads 1 --seconds 0.1") }.count, 3, "\(calls)")
        XCTAssertEqual(calls.filter { $0.contains("peer_jax.py --threads 1 --seconds 0.1") }.count, 3, "\(calls)")
    }

    func testAFailingPeerStopsTheBenchWithItsMessage() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "dcgan", "--threads", "1", "--seconds", "0.05",
                                       "--peers", folder.path, "--python", folder.appendingPathComponent("python").path],
                                      in: folder)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("peer_jax_dcgan.py exited with status 3"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("No module named 'jax'"), outcome.all)
        XCTAssertTrue(outcome.stderr.contains("pip install torch jax"), outcome.all)
    }

    func testAMissingScriptIsRefusedBeforeMeasuring() throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent("peer_jax.py"))
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "mlp", "--threads", "1", "--seconds", "5", "--peers", folder.path],
                                      in: folder)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("peer_jax.py: no JAX reference script here"), outcome.all)
        XCTAssertFalse(outcome.stderr.contains("measuring"), "nothing is measured: \(outcome.all)")
    }

    /// Later rounds run after the DCGAN has grown the process; the MLP's peak is its own.
    func testPeakMemoryIsEachModelsOwnAcrossRounds() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--model", "all", "--threads", "1", "--seconds", "0.05", "--rounds", "2", "--json"],
                                      in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.all)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["model"] as? String }, ["mlp", "dcgan"])
        let mlp = try XCTUnwrap(rows[0]["peak_memory_mb"] as? Double), dcgan = try XCTUnwrap(rows[1]["peak_memory_mb"] as? Double)
        XCTAssertLessThan(mlp, dcgan * 0.7, "the MLP's peak must not include the DCGAN's buffers")
    }

    func testBadRoundCountIsRefused() throws {
        let ganbook = try GanbookExecutable.located()
        let outcome = try ganbook.run(["bench", "--rounds", "0"], in: folder)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("--rounds"), outcome.all)
    }

    func testIterationsPerSecondIsReadFromThePeerLine() {
        XCTAssertEqual(PeerBenchmark.iterationsPerSecond(in: "torch 2.15 model=mlp batch=64 threads=1 iters/s=59.3 images/s=3795\n"), 59.3)
        XCTAssertNil(PeerBenchmark.iterationsPerSecond(in: "Traceback (most recent call last):"))
        XCTAssertNil(PeerBenchmark.iterationsPerSecond(in: "iters/s=0.0"))
    }
}
