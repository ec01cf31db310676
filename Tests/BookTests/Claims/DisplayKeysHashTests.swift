import XCTest
import GAN
@testable import Book

/// The keys Book reads itself never reach the hashed configuration.
final class DisplayKeysHashTests: XCTestCase {
    private func decode(_ yaml: String) throws -> GanDirective {
        try GanDirectiveDecoder(file: "p.md", firstLine: 3).decode(yaml)
    }

    func testIdCaptionAndExpectationsLeaveTheHashAlone() throws {
        let bare = try decode("dataset: ring8\niterations: 20\n")
        let shown = try decode("id: a\ncaption: A ring\ndataset: ring8\niterations: 20\nexpect: {modes_total: \"== 8\"}\n")
        XCTAssertEqual(shown.config.runHash, bare.config.runHash)
        XCTAssertEqual(shown.config, bare.config)
        XCTAssertEqual(shown.id, "a")
        XCTAssertEqual(shown.caption, "A ring")
        XCTAssertEqual(shown.expectations.map(\.reference), ["modes_total"])
        XCTAssertEqual(shown.expectations.map(\.line), [7])
    }

    func testAnInvalidIdAndAMisspeltKeyAreReportedTogether() {
        XCTAssertThrowsError(try decode("id: my run\ndataset: ring8\ncaptoin: x\n")) { error in
            let lines = SitePlanner.separate(error).map { "\($0)" }
            XCTAssertEqual(lines.count, 2, "\(lines)")
            XCTAssertTrue(lines.contains { $0.hasPrefix("p.md:3:5: id: 'my run' is not a valid id") }, "\(lines)")
            XCTAssertTrue(lines.contains { $0.contains("p.md:5:1: captoin: unknown key; did you mean caption?") }, "\(lines)")
        }
    }
}
