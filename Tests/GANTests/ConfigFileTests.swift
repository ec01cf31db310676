import Foundation
import XCTest
@testable import GAN

/// `ganbook train CONFIG` reads only a regular file of a configuration's size: a folder, FIFO or
/// device is named as such, and a huge file is refused before it is read (a 1 GB file once took
/// minutes and gigabytes).
final class ConfigFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func message(loading path: String) -> String? {
        let started = Date()
        defer { XCTAssertLessThan(Date().timeIntervalSince(started), 5, path) }
        do {
            _ = try RunConfig.load(file: path)
            return nil
        } catch let error as GANError {
            XCTAssertEqual(error.kind, .unreadable)
            return error.message
        } catch {
            return "\(error)"
        }
    }

    func testOnlyRegularFilesOfAConfigurationsSizeAreRead() throws {
        let fifo = folder.appendingPathComponent("fifo.yaml").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(message(loading: fifo), "the configuration is not a regular file (a FIFO, device or socket)")
        XCTAssertEqual(message(loading: "/dev/zero"), "the configuration is not a regular file (a FIFO, device or socket)")
        XCTAssertEqual(message(loading: folder.path), "the configuration is a folder")
        XCTAssertEqual(message(loading: folder.appendingPathComponent("missing.yaml").path),
                       "cannot read the configuration file: No such file or directory")
        let huge = folder.appendingPathComponent("huge.yaml")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge.path, contents: nil))
        try FileHandle(forWritingTo: huge).truncate(atOffset: 1 << 30)
        XCTAssertEqual(message(loading: huge.path),
                       "the configuration file is 1073741824 bytes, more than the 1048576 a configuration may have")
        let fine = folder.appendingPathComponent("fine.yaml")
        try Data("dataset: ring8\n".utf8).write(to: fine)
        XCTAssertNil(message(loading: fine.path))
    }
}
