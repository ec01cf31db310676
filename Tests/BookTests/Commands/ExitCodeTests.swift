import XCTest

/// Every failure of the command line exits 1 with its message, bad arguments included; help and
/// the version exit 0.
final class ExitCodeTests: XCTestCase {
    func testBadArgumentsExitOneAndHelpExitsZero() throws {
        let ganbook = try GanbookExecutable.located()
        let folder = FileManager.default.temporaryDirectory
        for arguments in [["build", "--threads", "0"], ["build", "--threads", "abc"], ["bench", "--threads", "-1"],
                          ["build", "--no-such-option"], ["no-such-command"], ["train"]] {
            let outcome = try ganbook.run(arguments, in: folder)
            XCTAssertEqual(outcome.status, 1, "\(arguments): \(outcome.all)")
            XCTAssertTrue(outcome.stderr.hasPrefix("Error: "), "\(arguments): \(outcome.all)")
        }
        for arguments in [["--help"], ["build", "--help"], ["--version"]] {
            let outcome = try ganbook.run(arguments, in: folder)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.all)")
            XCTAssertFalse(outcome.stdout.isEmpty, "\(arguments)")
        }
    }
}
