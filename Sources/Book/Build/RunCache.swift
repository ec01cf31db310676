import Foundation

/// The results cache: `site/runs/<hash>/`, one folder per trained run.
///
/// An entry appears all at once: files are written into a private `.partial-…` folder that is
/// renamed into place, so a build killed at any moment leaves no half entry, and when two builds
/// train the same run at once the first rename wins and the other discards its copy.
struct RunCache {
    let root: URL
    /// The file whose presence marks a complete entry (written last into the partial folder).
    static let marker = "run.json"
    static let partialPrefix = ".partial-"

    init(site: URL) { root = site.appendingPathComponent("runs", isDirectory: true) }

    func entry(_ hash: String) -> URL { root.appendingPathComponent(hash, isDirectory: true) }

    func contains(_ hash: String) -> Bool {
        FileManager.default.fileExists(atPath: entry(hash).appendingPathComponent(RunCache.marker).path)
    }

    /// Hashes of every complete entry, sorted.
    func hashes() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && contains($0) }.sorted()
    }

    /// Writes `files` (relative path → bytes) as the entry for `hash`, atomically.
    /// Returns false when another build had already stored the entry (ours is discarded).
    @discardableResult
    func store(_ hash: String, files: [String: Data]) throws -> Bool {
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let partial = root.appendingPathComponent(
            "\(RunCache.partialPrefix)\(hash)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        try manager.createDirectory(at: partial, withIntermediateDirectories: false)
        do {
            // The marker goes last so a folder with it is complete even if someone copies partials.
            let order = files.keys.filter { $0 != RunCache.marker }.sorted() + files.keys.filter { $0 == RunCache.marker }
            for path in order {
                let data = files[path]!
                let url = partial.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            if rename(partial.path, entry(hash).path) != 0 {
                let code = errno
                try? manager.removeItem(at: partial)
                if code == ENOTEMPTY || code == EEXIST, contains(hash) { return false }
                throw BookError(file: entry(hash).path, message: "could not move the new cache entry into place: "
                                + String(cString: strerror(code)), hint: "check that the folder is writable")
            }
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
        return true
    }

    /// Removes partial folders left by builds that were killed (their process no longer exists).
    func removeAbandonedPartials() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names where name.hasPrefix(RunCache.partialPrefix) {
            let fields = name.dropFirst(RunCache.partialPrefix.count).split(separator: "-")
            guard fields.count == 3, let pid = Int32(fields[1]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
            }
        }
    }

    func remove(_ hash: String) throws {
        try FileManager.default.removeItem(at: entry(hash))
    }

    /// Total bytes of an entry's files.
    func size(_ hash: String) -> Int {
        guard let files = FileManager.default.enumerator(at: entry(hash), includingPropertiesForKeys: [.fileSizeKey])
        else { return 0 }
        var total = 0
        for case let url as URL in files {
            total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}
