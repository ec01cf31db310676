import Foundation

/// The results cache, `site/runs/<hash>/`: its layout, its all-at-once writes, its verified and
/// memoised reads, the per-run locks and pruning. The one place that writes or deletes in it.
///
/// An entry appears all at once: its files go into a private `.partial-<hash>-…` folder that is
/// renamed into place. The writer holds the run's lock (`.lock-<hash>`) from before it trains
/// until the rename, so two builds train a run once, and a partial folder is known abandoned
/// exactly when its run's lock can be taken (no pid is trusted).
final class RunCache {
    let root: URL
    /// The file whose presence marks a complete entry (written last into the partial folder).
    static let marker = RunEntryLayout.provenance
    static let partialPrefix = ".partial-"
    static let lockPrefix = ".lock-"
    private var loaded: [String: CacheEntryState] = [:]

    init(site: URL) { root = site.appendingPathComponent("runs", isDirectory: true) }

    /// A cache in a folder of its own (a shared one, outside any site).
    init(root: URL) { self.root = root }

    /// Run hashes are 64 lowercase hex digits; only folders so named are ever treated as entries.
    static func isRunHash(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    func entry(_ hash: String) -> URL { root.appendingPathComponent(hash, isDirectory: true) }
    func lockURL(_ hash: String) -> URL { root.appendingPathComponent(RunCache.lockPrefix + hash) }

    /// Whether anything (complete or not) stands under the hash.
    func exists(_ hash: String) -> Bool { FileKind.of(entry(hash).path) != .missing }

    /// Whether a complete entry (one with its marker file) stands under the hash; not verified.
    func contains(_ hash: String) -> Bool {
        FileKind.of(entry(hash).appendingPathComponent(RunCache.marker).path) == .regular
    }

    /// Hash-named folders, sorted (complete or not).
    func hashes() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { RunCache.isRunHash($0) && exists($0) }.sorted()
    }

    /// The entry under `hash`, verified quickly once per process (a build reads each entry once).
    func state(_ hash: String) -> CacheEntryState {
        if let known = loaded[hash] { return known }
        let found = check(hash, depth: .quick)
        if case .absent = found { return found }  // not memoised: a concurrent build may store it
        loaded[hash] = found
        return found
    }

    /// The verified entry, or a `BookError` saying it is missing or damaged and what to do.
    func load(_ hash: String) throws -> RunEntry {
        switch state(hash) {
        case .present(let entry): return entry
        case .damaged(let error): throw error
        case .absent:
            throw BookError(file: entry(hash).path, message: "run cache entry not found",
                            hint: "build without --frozen to train it")
        }
    }

    /// Verifies an entry without memoising, fully (every PNG decoded) for `ganbook runs`.
    func check(_ hash: String, depth: EntryVerifier.Depth) -> CacheEntryState {
        let folder = entry(hash)
        guard exists(hash) else { return .absent }
        do {
            return .present(try EntryVerifier(folder: folder, hash: hash, depth: depth).verify())
        } catch var error as BookError {
            error.hint = RunCache.damageHint(folder)
            return .damaged(error)
        } catch {
            return .damaged(BookError(file: folder.path, message: "\(error)", hint: RunCache.damageHint(folder)))
        }
    }

    static func damageHint(_ folder: URL) -> String {
        "the run's cache entry is damaged: delete it with `rm -r \(folder.path)` and run `ganbook build` to train it again"
    }

    /// Takes the run's lock, waiting for another build that holds it; `waiting` is called first then.
    func lockRun(_ hash: String, waiting: () -> Void) throws -> FileLock {
        try createRoot()
        if let lock = try FileLock.acquire(lockURL(hash), wait: false) { return lock }
        waiting()
        return try FileLock.acquire(lockURL(hash), wait: true)!
    }

    func createRoot() throws {
        try checkRoot()
        if FileKind.of(root.path) == .missing {
            do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
                throw FileProblem.error(root.path, "create the cache folder", error)
            }
        }
    }

    /// The cache folder is a real folder of the site, or missing: never a link, through which
    /// builds and pruning would read and delete outside the site. Every command that reads or
    /// deletes in the cache checks this first.
    func checkRoot() throws {
        switch FileKind.of(root.path) {
        case .directory, .missing: return
        case .symlink:
            throw BookError(file: root.path, message: "is a symbolic link; the results cache must be a real folder inside the site",
                            hint: "replace the link with the folder it points to")
        default:
            throw BookError(file: root.path, message: "is not a folder; the results cache needs a folder here",
                            hint: "move the file away")
        }
    }

    /// Writes `files` (relative path → bytes) as the entry for `hash`, all at once. The caller holds
    /// the run's lock. Returns false when an entry already stood there (ours is discarded).
    @discardableResult
    func store(_ hash: String, files: [String: Data]) throws -> Bool {
        precondition(RunCache.isRunHash(hash), "not a run hash: \(hash)")
        try createRoot()
        let partial = root.appendingPathComponent(
            "\(RunCache.partialPrefix)\(hash)-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        if mkdir(partial.path, 0o755) != 0 {
            throw FileProblem.error(partial.path, "create the new entry's folder", code: errno)
        }
        do {
            // The marker goes last, so a folder holding it is complete.
            let order = files.keys.filter { $0 != RunCache.marker }.sorted() + files.keys.filter { $0 == RunCache.marker }
            for path in order {
                let url = partial.appendingPathComponent(path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw FileProblem.error(url.deletingLastPathComponent().path, "create folder", error)
                }
                // Written in place: the partial folder is what appears all at once, and a plain write
                // leaves no temporary file of another form in it.
                try AtomicFile.writeNew(files[path]!, to: url)
            }
            if rename(partial.path, entry(hash).path) != 0 {
                let code = errno
                if code == ENOTEMPTY || code == EEXIST {
                    removePartial(partial)
                    if contains(hash) { return false }
                }
                throw FileProblem.error(entry(hash).path, "move the new cache entry into place", code: code)
            }
        } catch {
            removePartial(partial)
            throw error
        }
        loaded[hash] = nil
        return true
    }

    /// Drops the memoised state of `hash` (its entry was replaced).
    func forget(_ hash: String) { loaded[hash] = nil }

    private func removePartial(_ partial: URL) {
        if FileKind.of(partial.path) == .directory { try? FileManager.default.removeItem(at: partial) }
    }

    /// Removes partial folders and lock files left by writers that died: only names of our own
    /// form, only folders holding nothing but a run's files, and only when the run's lock can be taken (so no live writer, in any process or
    /// container, loses its folder).
    func removeAbandonedPartials() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names.sorted() {
            if name.hasPrefix(RunCache.partialPrefix) {
                let rest = name.dropFirst(RunCache.partialPrefix.count)
                let hash = String(rest.prefix(64))
                guard RunCache.isRunHash(hash), rest.dropFirst(64).hasPrefix("-") else { continue }
                let partial = root.appendingPathComponent(name)
                guard FileKind.of(partial.path) == .directory, RunCache.holdsOnlyWrittenFiles(partial),
                      let lock = try? FileLock.acquire(lockURL(hash), wait: false) else { continue }
                try? FileManager.default.removeItem(at: partial)
                lock.release()
            } else if name.hasPrefix(RunCache.lockPrefix), RunCache.isRunHash(String(name.dropFirst(RunCache.lockPrefix.count))) {
                // Taking and releasing a stale lock removes its file.
                (try? FileLock.acquire(root.appendingPathComponent(name), wait: false))??.release()
            }
        }
    }

    /// Whether what stands under `hash` is ganbook's to delete: a real folder (not a link or a
    /// file) holding nothing but a run's files, complete or not, verifying or not. A folder named
    /// like an entry that holds anything else is someone's, and is never deleted.
    func isOwnEntry(_ hash: String) -> Bool {
        FileKind.of(entry(hash).path) == .directory && RunFolderShape.foreignPaths(in: entry(hash)).isEmpty
    }

    /// Whether a partial folder holds only what a build writes into one: a run's files, and the
    /// temporary files of a write killed midway (ours, or Foundation's `.dat.nosync…`).
    static func holdsOnlyWrittenFiles(_ partial: URL) -> Bool {
        RunFolderShape.foreignPaths(in: partial).allSatisfy { path in
            let name = (path as NSString).lastPathComponent
            return (name.hasPrefix(AtomicFile.temporaryPrefix) || name.hasPrefix(".dat.nosync"))
                && FileKind.of(partial.appendingPathComponent(path).path) == .regular
        }
    }

    /// Deletes every entry of ganbook's (`isOwnEntry`) whose hash is not in `used` (with `dryRun`,
    /// deletes nothing); `each` hears of every such folder before it goes. Returns their hashes.
    @discardableResult
    func prune(keeping used: Set<String>, dryRun: Bool, each: (URL) -> Void = { _ in }) throws -> [String] {
        let unused = hashes().filter { !used.contains($0) && isOwnEntry($0) }
        for hash in unused {
            each(entry(hash))
            if !dryRun { try remove(hash) }
        }
        return unused
    }

    /// Deletes the entry of `hash`, which must be one of ganbook's. It leaves its place at once
    /// (renamed to a partial folder under the run's lock), so a kill midway leaves no half entry,
    /// only a partial folder that the next build or `ganbook runs` removes.
    func remove(_ hash: String) throws {
        precondition(RunCache.isRunHash(hash), "not a run hash: \(hash)")
        let folder = entry(hash)
        guard isOwnEntry(hash) else {
            throw BookError(file: folder.path, message: "is not a cache entry that ganbook wrote (a link, a file, or a folder holding other files)",
                            hint: "ganbook deletes only its own entries; move it away yourself if it should go")
        }
        guard let lock = try FileLock.acquire(lockURL(hash), wait: false) else {
            throw BookError(file: folder.path, message: "another ganbook process is writing this run now; not deleted",
                            hint: "run ganbook runs --prune again when it has finished")
        }
        defer { lock.release() }
        let doomed = root.appendingPathComponent("\(RunCache.partialPrefix)\(hash)-\(UInt32.random(in: 0...UInt32.max))")
        if rename(folder.path, doomed.path) != 0 {
            throw FileProblem.error(folder.path, "delete the cache entry (moving it aside)", code: errno)
        }
        loaded[hash] = nil
        do { try FileManager.default.removeItem(at: doomed) } catch {
            throw FileProblem.error(doomed.path, "delete the cache entry", error)
        }
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
