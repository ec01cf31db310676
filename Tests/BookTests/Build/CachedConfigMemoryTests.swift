import GAN
import XCTest
@testable import Book

/// A cache entry's config.json is a run that trained already, perhaps on a larger machine: it is
/// not judged against this machine's memory, which would call a sound entry damaged.
final class CachedConfigMemoryTests: XCTestCase {
    func testConfigTooLargeForThisMachineStillVerifies() throws {
        let layers = Array(repeating: "8192", count: 4000).joined(separator: ", ")
        let config = try RunConfig.decode(yaml: "dataset: mnist\ngenerator: {hidden: [\(layers)]}\n", file: "c.yaml")
        XCTAssertFalse(config.feasibilityProblems(machine: MachineMemory(total: Double(1 << 40), available: nil)).isEmpty,
                       "the run needs more than a terabyte")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cached-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(config.prettyJSON.utf8).write(to: folder.appendingPathComponent("config.json"))
        XCTAssertNoThrow(try EntryVerifier(folder: folder, hash: config.runHash, depth: .quick).checkConfigHash())
    }
}
