import XCTest
@testable import Book
@testable import GAN

/// A 2-D entry with GAN Lab's views stays under 1 MB, even with the most snapshots a run may keep.
final class PlaneEntrySizeTests: XCTestCase {
    func testHundredSnapshotsStayUnderOneMegabyte() throws {
        let config = try RunConfig.decode(yaml: "dataset: ring8\niterations: 100\nbatch_size: 32\nsnapshots: 100",
                                          file: "t.yaml")
        let data = try Dataset.load(for: config, search: DataSearchPath.standard(dataArgument: nil))
        let result = try Trainer.train(config: config, dataset: data, threads: 1)
        XCTAssertEqual(result.planeViews.count, 100)
        let files = RunFiles.make(config: config, result: result, provenance: Provenance(
            hash: config.runHash, datasetIdentity: config.datasetIdentity, datasetDigest: data.digest, result: result))
        let size = files.values.reduce(0) { $0 + $1.count }
        XCTAssertLessThan(size, 1_000_000, "\(size) bytes")
        XCTAssertNotNil(files[RunEntryLayout.planeViews])
    }
}
