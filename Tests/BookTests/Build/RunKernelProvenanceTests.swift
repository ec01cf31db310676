import XCTest
import Engine
@testable import Book
@testable import GAN

/// run.json records the kernels a run actually used, its precision and the CPU; entries written
/// before these keys existed still load, verify and render.
final class RunKernelProvenanceTests: XCTestCase {
    private func ringRun() throws -> (RunConfig, TrainingResult) {
        let config = try RunConfig.decode(yaml: """
            dataset: ring8
            generator: {hidden: [16]}
            discriminator: {hidden: [16]}
            iterations: 4
            batch_size: 16
            log_every: 2
            snapshots: 1
            """, file: "t.yaml")
        let data = try Dataset.load(for: config, search: DataSearchPath(locations: []))
        return (config, try Trainer.train(config: config, dataset: data, threads: 1))
    }

    func testRunJSONNamesTheKernelsThatRan() throws {
        let (config, result) = try ringRun()
        XCTAssertEqual(result.kernels.precision, .fp32)
        let sgemm = try XCTUnwrap(result.kernels.kernels["sgemm"], "\(result.kernels.kernels)")
        // Our kernel where the CPU has AVX-512; OpenBLAS too for shapes ours declines, which of
        // this run's shapes those are depends on nothing but the kernel's rules.
        if BLAS.useOwnKernels {
            XCTAssertTrue(["ganbook AVX-512", "ganbook AVX-512 + OpenBLAS \(BLASRuntime.coreName)"].contains(sgemm), sgemm)
        } else {
            XCTAssertEqual(sgemm, "OpenBLAS \(BLASRuntime.coreName)")
        }
        XCTAssertNotNil(result.kernels.kernels["adam"])
        XCTAssertNil(result.kernels.kernels["conv"], "an MLP runs no convolution")

        let json = Provenance(hash: config.runHash, datasetIdentity: config.datasetIdentity, datasetDigest: "d",
                              result: result).json
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        XCTAssertEqual(object["engine"] as? String, result.kernels.products)
        XCTAssertEqual(object["precision"] as? String, "fp32")
        XCTAssertEqual(object["cpu"] as? String, CPUFeatures.current.modelName)
        XCTAssertEqual(object["cpu_extensions"] as? [String], CPUFeatures.current.extensions)
        let kernels = try XCTUnwrap(object["kernels"] as? [String: String], json)
        XCTAssertEqual(kernels, result.kernels.kernels)
    }

    func testAnEntryWithTheNewKeysRendersThem() throws {
        let fixture = try RunEntryFixture()
        defer { fixture.cleanUp() }
        try fixture.write("run.json", """
            {"dataset_identity": "mnist-train-60000", "dataset_sha256": "ab12", "engine": "OpenBLAS Zen",
             "kernels": {"adam": "Swift SIMD4", "sgemm": "OpenBLAS Zen"}, "precision": "fp32", "cpu": "AMD EPYC",
             "cpu_extensions": ["avx", "avx2", "fma"], "ganbook_version": "0.1.0", "images_per_second": 5321.4,
             "iterations": 2000, "threads": 2, "wall_seconds": 192.4}
            """)
        let view = try ExperimentViewBuilder(runsPath: "runs/").build(runID: "r", caption: nil, folder: fixture.folder)
        XCTAssertEqual(view.provenance.engineVersion, "ganbook 0.1.0 · OpenBLAS Zen · fp32")
        let details = Dictionary(uniqueKeysWithValues: view.provenance.details.map { ($0.name, $0.value) })
        XCTAssertEqual(details["kernels"], #"{"adam": "Swift SIMD4", "sgemm": "OpenBLAS Zen"}"#)
        XCTAssertEqual(details["cpu_extensions"], #"["avx", "avx2", "fma"]"#)
        XCTAssertEqual(details["cpu"], "AMD EPYC")
    }

    func testAnOlderEntryWithoutTheNewKeysStillRenders() throws {
        let fixture = try RunEntryFixture()  // its run.json predates kernels, precision and cpu
        defer { fixture.cleanUp() }
        let view = try ExperimentViewBuilder(runsPath: "runs/").build(runID: "r", caption: nil, folder: fixture.folder)
        XCTAssertEqual(view.provenance.engineVersion, "ganbook 0.1.0 · 0123456789ab · openblas SkylakeX")
        XCTAssertFalse(view.provenance.details.contains { $0.name == "kernels" || $0.name == "precision" })
    }
}
