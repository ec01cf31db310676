import XCTest
@testable import GAN

/// The real datasets, when installed (skipped otherwise).
final class DataMNISTTests: XCTestCase {
    private func search(_ directory: String) -> DataSearchPath {
        DataSearchPath(locations: [.init(directory: directory, origin: "test")])
    }

    func testMNISTTrainingSplit() throws {
        let directory = "/work/shared/datasets"
        guard (try? search(directory).locate(.mnist)) != nil else { throw XCTSkip("MNIST is not in \(directory)") }
        let mnist = try Dataset.load(.mnist, search: search(directory))
        XCTAssertEqual(mnist.count, 60_000)
        XCTAssertEqual(mnist.shape, .image(channels: 1, height: 28, width: 28))
        XCTAssertEqual(mnist.storage.count, 60_000 * 784)
        guard case .pixels = mnist.storage else { return XCTFail("MNIST pixels are kept as bytes") }
        let firstImages = (0..<1000).flatMap { mnist.example($0) }  // the whole set is slow to scan in debug builds
        XCTAssertEqual(firstImages.min(), 0)
        XCTAssertEqual(firstImages.max(), 1)
        XCTAssertEqual(mnist.digest, CanonicalDigests.mnist.trainImages)
        let counts = (0...9).map { digit in mnist.labels.filter { $0 == digit }.count }
        XCTAssertEqual(counts, [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        XCTAssertEqual(counts, DatasetName.mnist.trainingClassCounts)

        // Filtering reuses the decoded data of this process.
        let config = try RunConfig.decode(yaml: "classes: [3, 8]\nsubset: 1000", file: "p.md")
        let selected = try Dataset.load(for: config, search: search(directory))
        XCTAssertEqual(selected.count, 1000)
        XCTAssertEqual(Set(selected.labels), [3, 8])
        let firstThree = mnist.labels.firstIndex(of: 3)!
        XCTAssertEqual(selected.example(0), mnist.example(firstThree))
    }

    func testFashionMNISTTrainingSplit() throws {
        let directory = DataSearchPath.systemDirectory
        guard (try? search(directory).locate(.fashionMNIST)) != nil else {
            throw XCTSkip("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
        }
        let fashion = try Dataset.load(.fashionMNIST, search: search(directory))
        XCTAssertEqual(fashion.count, 60_000)
        XCTAssertEqual((0...9).map { digit in fashion.labels.filter { $0 == digit }.count },
                       DatasetName.fashionMNIST.trainingClassCounts)
    }
}
