import Foundation
import GAN

extension ClassifierCache {
    /// The classifier of `name`, trained by one process at a time. Runs training side by side
    /// (`build -j`) each need it on first use; without the lock every one of them would train the
    /// same classifier at once. The others wait for the holder, then read what it stored.
    /// A stored classifier is read without the lock (a read-only cache needs none); one that is
    /// missing where it cannot be stored is an error before minutes of training, not after.
    func sharedClassifier(for name: DatasetName, search: DataSearchPath, threads: Int,
                          config: ClassifierConfig = .standard, waiting: () -> Void,
                          progress: (String) -> Void) throws -> Classifier {
        if let stored = try storedClassifier(for: name, search: search, threads: threads, config: config) { return stored }
        let lock: FileLock
        do { lock = try lockClassifier(name, waiting: waiting) } catch { throw unwritable(error, training: name) }
        defer { lock.release() }
        // Under the lock it may since have been stored by the run that held it.
        return try classifier(for: name, search: search, threads: threads, config: config, progress: progress)
    }

    private func lockClassifier(_ name: DatasetName, waiting: () -> Void) throws -> FileLock {
        try FileManager.default.createDirectory(at: classifiers, withIntermediateDirectories: true)
        let url = classifiers.appendingPathComponent(name.rawValue + ".lock")
        if let lock = try FileLock.acquire(url, wait: false) { return lock }
        waiting()
        return try FileLock.acquire(url, wait: true)!
    }
}
