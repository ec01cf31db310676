import XCTest
@testable import Book
@testable import GAN

/// Runs training side by side need the same classifier on first use: one trains it, the others
/// wait and read it, instead of each training its own copy at the same time.
final class SharedClassifierTests: XCTestCase {
    private final class Lines: @unchecked Sendable {
        private let mutex = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { mutex.lock(); lines.append(line); mutex.unlock() }
        var all: [String] { mutex.lock(); defer { mutex.unlock() }; return lines }
    }

    func testTwoRunsAtOnceTrainTheClassifierOnce() throws {
        let search = DataSearchPath.standard(dataArgument: nil)
        guard (try? search.locate(.mnist)) != nil else { throw XCTSkip("MNIST not found (set GANBOOK_DATA)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("classifiers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = ClassifierConfig.standard
        config.epochs = 1
        config.channels = [4, 8]
        config.features = 16
        let cache = ClassifierCache(folder: folder)
        let lines = Lines()
        var weights: [Data?] = [nil, nil]
        let mutex = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let classifier = try? cache.sharedClassifier(
                for: .mnist, search: search, threads: 1, config: config,
                waiting: { lines.add("\(index) waiting") }, progress: { lines.add("\(index) \($0)") })
            mutex.lock(); weights[index] = classifier?.weightBytes; mutex.unlock()
        }
        let trainers = Set(lines.all.filter { $0.contains("training the mnist classifier") }.map { $0.prefix(1) })
        XCTAssertEqual(trainers.count, 1, "one run trains, the other waits: \(lines.all)")
        XCTAssertEqual(lines.all.filter { $0.hasSuffix("waiting") }.count, 1, "\(lines.all)")
        XCTAssertNotNil(weights[0])
        XCTAssertEqual(weights[0], weights[1], "the waiting run reads what the other stored")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.classifiers.path).filter { $0.hasSuffix(".lock") },
                       [], "no lock file is left behind")
    }

    func testAClassifierThatCannotBeStoredFailsBeforeTraining() throws {
        let search = DataSearchPath.standard(dataArgument: nil)
        guard (try? search.locate(.mnist)) != nil else { throw XCTSkip("MNIST not found (set GANBOOK_DATA)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("classifiers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ClassifierCache(folder: folder)
        // Where the classifiers folder should be, a file of the user's (permissions would not stop root).
        try Data("notes".utf8).write(to: cache.classifiers)
        let lines = Lines()
        XCTAssertThrowsError(try cache.sharedClassifier(for: .mnist, search: search, threads: 1, waiting: { lines.add("waiting") },
                                                        progress: { lines.add($0) })) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("would have to be trained, but it cannot be stored here"), text)
            XCTAssertTrue(text.contains("make the folder writable"), text)
        }
        XCTAssertEqual(lines.all, [], "nothing trained, nothing waited for")
        XCTAssertEqual(try Data(contentsOf: cache.classifiers), Data("notes".utf8), "the file is left as it was")
    }
}
