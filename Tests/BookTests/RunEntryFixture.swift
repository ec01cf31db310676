import Foundation
@testable import Book

/// Writes a small but complete cache entry into a temporary folder for tests.
struct RunEntryFixture {
    static let hash = "3f2a9c0d1e5b7a6c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"
    let root: URL

    var folder: URL { root.appendingPathComponent("runs").appendingPathComponent(Self.hash) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("samples"), withIntermediateDirectories: true)
        try write("config.json", """
        {
          "batch_size": 64,
          "dataset": "mnist",
          "note": "<script>alert(1)</script>",
          "z_dim": 100
        }

        """)
        var csv = "iteration,epoch,images_seen,loss_g,loss_d_real,loss_d_fake,d_real,d_fake,grad_norm_g,grad_norm_d,grad_norm_d_loss\n"
        for row in 0...40 {
            let iteration = row * 50
            csv += "\(iteration),\(Double(iteration) / 1000),\(iteration * 64),\(0.7 + 0.01 * Double(row % 7)),0.6,0.65,0.55,0.45,\(0.05 + Double(row)),0.3,1.2\n"
        }
        try write("metrics.csv", csv)
        try write("eval.json", #"{"mode_coverage": 0.875, "fid_proxy": 12.5}"#)
        try write("run.json", """
        {"dataset_identity": "mnist-train-60000", "dataset_sha256": "ab12", "engine": "openblas SkylakeX",
         "ganbook_version": "0.1.0", "git_commit": "0123456789abcdef0123", "images_per_second": 5321.4,
         "iterations": 2000, "threads": 2, "wall_seconds": 192.4}
        """)
        let grid = PNGImage(width: 4, height: 4, channels: 1, fill: 200).encode()
        try grid.write(to: folder.appendingPathComponent("samples/final.png"))
        for iteration in [1000, 0, 2000] {
            try grid.write(to: folder.appendingPathComponent("samples/step-\(iteration).png"))
        }
        try grid.write(to: folder.appendingPathComponent("samples/evolution.png"))
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}
