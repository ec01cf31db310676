import XCTest
@testable import Book

/// The advisory lock behind run locks, partial folders and `train --out`.
final class FileLockTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testOneHolderAtATimeAndNoFileAfterRelease() throws {
        let url = folder.appendingPathComponent(".lock-x")
        let first = try XCTUnwrap(try FileLock.acquire(url, wait: false))
        XCTAssertNil(try FileLock.acquire(url, wait: false), "a second holder is refused")
        XCTAssertTrue(FileLock.isHeld(url))
        first.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "the holder removes the file")
        XCTAssertFalse(FileLock.isHeld(url))
        let second = try XCTUnwrap(try FileLock.acquire(url, wait: false))
        second.release()
    }

    func testStaleLockFileOfADeadHolderCanBeTaken() throws {
        let url = folder.appendingPathComponent(".lock-y")
        try Data().write(to: url)  // as a killed holder leaves it
        XCTAssertFalse(FileLock.isHeld(url))
        let lock = try XCTUnwrap(try FileLock.acquire(url, wait: false))
        lock.release()
    }

    func testWaiterGetsTheLockWhenTheHolderReleasesIt() throws {
        let url = folder.appendingPathComponent(".lock-z")
        let holder = try XCTUnwrap(try FileLock.acquire(url, wait: false))
        let got = expectation(description: "waiter locked")
        DispatchQueue.global().async {
            if let lock = try? FileLock.acquire(url, wait: true) { lock.release(); got.fulfill() }
        }
        usleep(100_000)
        holder.release()
        wait(for: [got], timeout: 10)
    }
}

/// The cheap PNG check of the cache, without libpng.
final class PNGHeaderTests: XCTestCase {
    func testRealImagePasses() throws {
        let data = PNGImage(width: 3, height: 2, channels: 1, fill: 0).encode()
        XCTAssertEqual(try PNGHeader.check(data, file: "x.png"), PNGHeader(width: 3, height: 2))
    }

    func testCutGarbageAndHugeImagesFail() throws {
        let data = PNGImage(width: 3, height: 2, channels: 1, fill: 0).encode()
        XCTAssertThrowsError(try PNGHeader.check(data.dropLast(1), file: "x.png"))
        XCTAssertThrowsError(try PNGHeader.check(Data("hello".utf8), file: "x.png"))
        XCTAssertThrowsError(try PNGHeader.check(CorruptEntryTests.pngDeclaring(side: 1_000_000), file: "x.png")) {
            XCTAssertTrue("\($0)".contains("1000000 × 1000000"), "\($0)")
        }
    }
}
