import Foundation
import XCTest
@testable import Book

/// Another process holding a lock file, as a writer in another container would: a shell that
/// takes the lock on a descriptor and becomes `sleep`, so ending it releases the lock at once.
final class LockHolder {
    let process = Process()

    init(_ url: URL) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec 9>\"$0\" && flock 9 && exec sleep 60", url.path]
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileLock.isHeld(url) && Date() < deadline { usleep(20_000) }
        XCTAssertTrue(FileLock.isHeld(url), "the other process took the lock")
    }

    func end() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { end() }
}
