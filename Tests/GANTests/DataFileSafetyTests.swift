import XCTest
@testable import GAN

/// Whatever sits where a dataset file belongs (a FIFO, a device, a folder, damaged bytes), the
/// data check before training reports it promptly, naming the file, and never hangs.
final class DataFileSafetyTests: XCTestCase {
    private var root: URL!
    private var folder: URL { root.appendingPathComponent("mnist") }
    private var images: URL { folder.appendingPathComponent("train-images-idx3-ubyte") }
    private var labels: URL { folder.appendingPathComponent("train-labels-idx1-ubyte") }
    private var search: DataSearchPath {
        DataSearchPath(locations: [.init(directory: root.path, origin: "--data")])
    }

    override func setUpWithError() throws {
        root = try DataTestFiles.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try DataTestFiles.write(DataTestFiles.labels([0, 1]), to: labels)
    }

    /// The error `ensureAvailable` throws, failing the test if it takes more than 20 seconds.
    private func availabilityError(file: StaticString = #filePath, line: UInt = #line) -> GANError? {
        let done = expectation(description: "data check finished")
        let box = ErrorBox()
        let search = self.search
        Thread.detachNewThread {
            do { try search.ensureAvailable(.mnist) } catch { box.error = error }
            done.fulfill()
        }
        wait(for: [done], timeout: 20)
        guard let error = box.error as? GANError else {
            XCTFail("expected a GANError, got \(String(describing: box.error))", file: file, line: line)
            return nil
        }
        return error
    }

    func testFIFOIsRefusedWithoutWaitingForAWriter() throws {
        XCTAssertEqual(mkfifo(images.path, 0o600), 0)
        let error = availabilityError()
        XCTAssertEqual(error?.kind, .unreadable)
        XCTAssertEqual(error?.file, images.path)
        XCTAssertEqual(error?.message, "is a FIFO (named pipe), not a regular file")
    }

    func testEndlessDeviceIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: images.path, withDestinationPath: "/dev/zero")
        let error = availabilityError()
        XCTAssertEqual(error?.message, "is a device, not a regular file")
    }

    func testFolderInPlaceOfAFileIsRefused() throws {
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let error = availabilityError()
        XCTAssertEqual(error?.file, images.path)
        XCTAssertEqual(error?.message, "is a folder, not a regular file")
    }

    func testDamagedBytesAreFoundByTheDataCheck() throws {
        var bytes = DataTestFiles.images(count: 2, rows: 28, columns: 28) { UInt8($0 % 256) }
        try DataTestFiles.write(bytes, to: images)
        XCTAssertEqual(availabilityError()?.kind, .unexpectedData, "well formed but not the canonical digest")
        bytes.removeLast(100)
        try DataTestFiles.write(bytes, to: images)
        XCTAssertEqual(availabilityError()?.kind, .corruptData, "truncated")
        let gzip = DataTestFiles.gzip(bytes)
        try FileManager.default.removeItem(at: images)
        try DataTestFiles.write(Array(gzip.prefix(gzip.count / 2)), to: folder.appendingPathComponent("train-images-idx3-ubyte.gz"))
        XCTAssertEqual(availabilityError()?.kind, .corruptData, "cut gzip stream")
    }

    func testHeaderDeclaringMoreThanIntCanCountIsDamage() {
        let header: [UInt8] = [0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12)
        XCTAssertThrowsError(try IDXFile(bytes: header + [1, 2, 3], kind: .images, file: "x")) { error in
            XCTAssertEqual((error as? GANError)?.kind, .corruptData)
            XCTAssertEqual((error as? GANError)?.message,
                           "the header declares 4294967295×4294967295×4294967295 bytes of data, more than the 19 bytes of the file")
        }
    }

    func testReadsAreBounded() throws {
        try DataTestFiles.write([UInt8](repeating: 1, count: 5000), to: images)
        XCTAssertThrowsError(try CompressedFileReader.readAll(path: images.path, maximumSize: 4096)) { error in
            XCTAssertEqual((error as? GANError)?.kind, .corruptData)
        }
        XCTAssertEqual(try CompressedFileReader.readAll(path: images.path, maximumSize: 5000).count, 5000)
    }

    /// The check loads the dataset once and keeps it: the training load that follows reads
    /// nothing (here the files are emptied in between, and the load still succeeds).
    func testCheckedDatasetIsNotReadAgain() throws {
        let shared = ProcessInfo.processInfo.environment["GANBOOK_DATA"] ?? "/work/shared/datasets"
        let original = URL(fileURLWithPath: shared).appendingPathComponent("mnist")
        guard let real = try? DataSearchPath(locations: [.init(directory: shared, origin: "--data")]).locate(.mnist) else {
            throw XCTSkip("MNIST is not in \(original.path)")
        }
        try FileManager.default.removeItem(at: labels)
        try FileManager.default.createSymbolicLink(atPath: images.path + ".gz", withDestinationPath: real.trainImages)
        try FileManager.default.createSymbolicLink(atPath: labels.path + ".gz", withDestinationPath: real.trainLabels)
        try search.ensureAvailable(.mnist)
        for link in [images.path + ".gz", labels.path + ".gz"] {
            try FileManager.default.removeItem(atPath: link)
            XCTAssertTrue(FileManager.default.createFile(atPath: link, contents: Data()))
        }
        XCTAssertEqual(try Dataset.load(.mnist, search: search).count, 60_000)
    }
}

private final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
