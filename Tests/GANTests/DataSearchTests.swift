import XCTest
@testable import GAN

final class DataSearchTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try DataTestFiles.temporaryDirectory(for: self)
    }

    /// Puts a small MNIST-shaped dataset (4 images of 2×2, pixel i = 17·i, so 255 last) under
    /// `directory/mnist/`.
    private func installSmallMNIST(in directory: String, gzip: Bool = true) throws {
        let images = DataTestFiles.images(count: 4, rows: 2, columns: 2) { UInt8($0 * 17) }
        let labels = DataTestFiles.labels([0, 1, 1, 2])
        let folder = root.appendingPathComponent(directory).appendingPathComponent("mnist")
        let suffix = gzip ? ".gz" : ""
        try DataTestFiles.write(gzip ? DataTestFiles.gzip(images) : images,
                                to: folder.appendingPathComponent("train-images-idx3-ubyte" + suffix))
        try DataTestFiles.write(gzip ? DataTestFiles.gzip(labels) : labels,
                                to: folder.appendingPathComponent("train-labels-idx1-ubyte" + suffix))
    }

    private func search(data: String? = "explicit", environment: [String: String] = ["GANBOOK_DATA": "env"]) -> DataSearchPath {
        .standard(dataArgument: data.map { root.appendingPathComponent($0).path },
                  environment: environment,
                  workingDirectory: root.appendingPathComponent("project").path,
                  systemDirectory: root.appendingPathComponent("system").path)
    }

    func testStandardOrder() {
        let locations = search().locations
        XCTAssertEqual(locations.map(\.origin), ["--data", "$GANBOOK_DATA", "./data", "system"])
        XCTAssertEqual(locations[0].directory, root.appendingPathComponent("explicit").path)
        XCTAssertEqual(locations[1].directory, root.appendingPathComponent("project/env").path,
                       "a relative GANBOOK_DATA is taken from the working directory")
        XCTAssertEqual(locations[2].directory, root.appendingPathComponent("project/data").path)
        XCTAssertEqual(locations[3].directory, root.appendingPathComponent("system").path)
        XCTAssertEqual(DataSearchPath.standard(dataArgument: nil, environment: [:]).locations[3].directory,
                       "/usr/share/datasets")
    }

    func testFirstLocationHoldingTheDatasetWins() throws {
        for place in ["explicit", "project/env", "project/data", "system"] {
            try installSmallMNIST(in: place)
        }
        XCTAssertEqual(try search().locate(.mnist).folder, root.appendingPathComponent("explicit/mnist").path)
        XCTAssertEqual(try search(data: nil).locate(.mnist).folder, root.appendingPathComponent("project/env/mnist").path)
        XCTAssertEqual(try search(data: nil, environment: [:]).locate(.mnist).folder,
                       root.appendingPathComponent("project/data/mnist").path)
        try FileManager.default.removeItem(at: root.appendingPathComponent("project/data"))
        XCTAssertEqual(try search(data: nil, environment: [:]).locate(.mnist).folder,
                       root.appendingPathComponent("system/mnist").path)
    }

    func testAbsoluteEnvironmentPath() throws {
        try installSmallMNIST(in: "elsewhere")
        let files = try search(data: nil, environment: ["GANBOOK_DATA": root.appendingPathComponent("elsewhere").path])
            .locate(.mnist)
        XCTAssertEqual(files.trainImages, root.appendingPathComponent("elsewhere/mnist/train-images-idx3-ubyte.gz").path)
    }

    func testRawFilesAreFound() throws {
        try installSmallMNIST(in: "system", gzip: false)
        let files = try search().locate(.mnist)
        XCTAssertEqual(files.trainImages, root.appendingPathComponent("system/mnist/train-images-idx3-ubyte").path)
        XCTAssertEqual(files.trainLabels, root.appendingPathComponent("system/mnist/train-labels-idx1-ubyte").path)
    }

    func testIncompleteFolderIsSkippedAndReported() throws {
        try installSmallMNIST(in: "explicit")
        try FileManager.default.removeItem(at: root.appendingPathComponent("explicit/mnist/train-labels-idx1-ubyte.gz"))
        XCTAssertThrowsError(try search().locate(.mnist)) { error in
            XCTAssertTrue((error as? GANError)?.message.contains("(no train-labels-idx1-ubyte[.gz])") ?? false, "\(error)")
        }
        try installSmallMNIST(in: "system")
        XCTAssertEqual(try search().locate(.mnist).folder, root.appendingPathComponent("system/mnist").path)
    }

    func testMissingDatasetListsEveryPlaceAndHowToGetIt() {
        XCTAssertThrowsError(try search(environment: [:]).locate(.mnist)) { error in
            guard let error = error as? GANError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .datasetMissing)
            XCTAssertEqual(error.message, "dataset mnist not found; searched: "
                + "--data \(self.root.path)/explicit/mnist (no mnist/ folder), "
                + "$GANBOOK_DATA (not set), "
                + "./data \(self.root.path)/project/data/mnist (no mnist/ folder), "
                + "system \(self.root.path)/system/mnist (no mnist/ folder)")
            XCTAssertTrue(error.hint?.contains("GANBOOK_DATA") ?? false)
            XCTAssertTrue(error.hint?.contains("--data") ?? false)
        }
        XCTAssertThrowsError(try search().locate(.fashionMNIST)) { error in
            XCTAssertTrue((error as? GANError)?.hint?.contains("apt-get install dataset-fashion-mnist") ?? false, "\(error)")
        }
    }

    func testAvailability() throws {
        XCTAssertNoThrow(try search().ensureAvailable(.ring8))
        XCTAssertThrowsError(try search().ensureAvailable(.mnist))
        // The check reads and digests the files: small stand-ins are found, but are not MNIST.
        try installSmallMNIST(in: "system")
        XCTAssertThrowsError(try search().ensureAvailable(.mnist)) { error in
            XCTAssertEqual((error as? GANError)?.kind, .unexpectedData, "\(error)")
        }
    }

    func testUnsetSourcesAreReported() {
        XCTAssertThrowsError(try search(data: nil, environment: [:]).locate(.mnist)) { error in
            let message = (error as? GANError)?.message ?? ""
            XCTAssertTrue(message.contains("searched: --data (not given), $GANBOOK_DATA (not set), ./data "), message)
        }
    }

    func testSmallFilesLoadWithoutTheDigestCheck() throws {
        try installSmallMNIST(in: "system")
        let dataset = try ImageDatasetLoader.load(search().locate(.mnist), digests: nil)
        XCTAssertEqual(dataset.count, 4)
        XCTAssertEqual(dataset.shape, .image(channels: 1, height: 2, width: 2))
        assertClose(dataset.allValues(), (0..<16).map { Float($0) / 15 })
        XCTAssertEqual(dataset.labels, [0, 1, 1, 2])
        XCTAssertEqual(dataset.identity, DatasetName.mnist.identity)
    }

    func testDataThatIsNotCanonicalIsRefused() throws {
        try installSmallMNIST(in: "system")
        XCTAssertThrowsError(try Dataset.load(.mnist, search: search())) { error in
            guard let error = error as? GANError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .unexpectedData)
            XCTAssertEqual(error.file, self.root.appendingPathComponent("system/mnist/train-images-idx3-ubyte.gz").path)
            XCTAssertTrue(error.message.hasPrefix("not the canonical mnist: the decompressed file has SHA-256 "), error.message)
            XCTAssertTrue(error.message.hasSuffix("expected \(CanonicalDigests.mnist.trainImages)"), error.message)
        }
    }

    func testLabelCountMustMatchImageCount() throws {
        try installSmallMNIST(in: "system")
        try DataTestFiles.write(DataTestFiles.labels([0, 1, 2]),
                                to: root.appendingPathComponent("system/mnist/train-labels-idx1-ubyte.gz"))
        XCTAssertThrowsError(try ImageDatasetLoader.load(search().locate(.mnist), digests: nil)) { error in
            XCTAssertEqual((error as? GANError)?.message, "holds 3 labels for 4 images")
        }
    }

    func testSelectingClassesThenSubset() throws {
        try installSmallMNIST(in: "system")
        let dataset = try ImageDatasetLoader.load(search().locate(.mnist), digests: nil)
        let ones = try dataset.selecting(classes: [1, 2], subset: 2)
        XCTAssertEqual(ones.labels, [1, 1])
        assertClose(ones.allValues(), (4..<12).map { Float($0) / 15 })
        XCTAssertEqual(try dataset.selecting(classes: nil, subset: 1).labels, [0])
        XCTAssertThrowsError(try dataset.selecting(classes: [1], subset: 3)) { error in
            XCTAssertEqual((error as? GANError)?.message, "3 is more than the 2 examples available in mnist")
        }
    }

    private func assertClose(_ values: [Float], _ expected: [Float], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(values.count, expected.count, file: file, line: line)
        for (value, wanted) in zip(values, expected) {
            XCTAssertEqual(value, wanted, accuracy: 1e-6, file: file, line: line)
        }
    }
}
