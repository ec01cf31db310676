import Foundation

/// What the open pages poll: a version bumped by every finished build (good or bad) and the
/// last build's error, if it failed. Shared between the watcher and the request handlers.
final class PreviewStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var error: String?

    var current: (version: Int, error: String?) {
        lock.lock(); defer { lock.unlock() }
        return (version, error)
    }

    func finishedBuild(error: String?) {
        lock.lock(); defer { lock.unlock() }
        version += 1
        self.error = error
    }

    var json: Data {
        let (version, error) = current
        let object: [String: Any] = error.map { ["version": version, "error": $0] } ?? ["version": version]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
