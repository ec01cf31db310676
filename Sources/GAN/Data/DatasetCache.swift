import Foundation

/// Datasets decoded in this process, so the 47 MB of MNIST are read, checked and converted once
/// however many runs use them.
final class DatasetCache: @unchecked Sendable {
    static let shared = DatasetCache()

    private let lock = NSLock()
    private var entries: [String: Dataset] = [:]

    /// The dataset stored under `key`, made by `make` the first time. The lock is held while
    /// making, so concurrent callers wait instead of decoding the same files twice.
    func dataset(for key: String, make: () throws -> Dataset) rethrows -> Dataset {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[key] { return cached }
        let dataset = try make()
        entries[key] = dataset
        return dataset
    }

    /// Forgets every dataset (frees memory after a build).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
    }
}
