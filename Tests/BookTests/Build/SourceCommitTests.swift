import XCTest
@testable import Book

/// run.json's `git_commit` is the commit the executable was built from, recorded at build time,
/// not the checkout's HEAD when a run trains (a checkout may move on after the build).
final class SourceCommitTests: XCTestCase {
    /// The package's folder, where the plugin asks git.
    private static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--no-optional-locks", "-C", Self.package.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    func testTheRecordedCommitIsTheBuiltCheckoutsHead() throws {
        guard git(["ls-files", "--error-unmatch", "Package.swift"]) != nil else {
            // A source tarball, or one unpacked inside a repository that does not track it.
            XCTAssertNil(Provenance.engineCommit, "no checkout of this package, so no commit to record")
            return
        }
        let head = try XCTUnwrap(git(["rev-parse", "--short=12", "HEAD"]).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let recorded = try XCTUnwrap(Provenance.engineCommit, "built in a git checkout, so a commit is recorded")
        XCTAssertTrue(recorded == head || recorded == head + "+changes",
                      "recorded \(recorded), checkout at \(head): rebuild after committing")
        let changed = !(git(["status", "--porcelain", "--", "Sources", "Package.swift"]) ?? "").isEmpty
        XCTAssertEqual(recorded.hasSuffix("+changes"), changed, "marks sources that differ from the commit")
    }
}
