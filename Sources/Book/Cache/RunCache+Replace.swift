import Foundation

extension RunCache {
    /// Puts `files` in place of the entry of `hash` (for `build --rerun`): the new entry is
    /// written whole into a partial folder first, then exchanged with the old one in a single
    /// rename, so the hash names the complete old entry or the complete new one at every
    /// instant (a kill or a failed training leaves the old entry). The caller holds the lock.
    func replace(_ hash: String, files: [String: Data]) throws {
        precondition(RunCache.isRunHash(hash), "not a run hash: \(hash)")
        guard exists(hash) else { try store(hash, files: files); return }
        let staging = root.appendingPathComponent(
            "\(RunCache.partialPrefix)\(hash)-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        try writeWhole(files, into: staging)
        let target = entry(hash)
        if RenameExchange.exchange(staging.path, target.path) {
            // The old entry now sits in the partial folder.
            try? FileManager.default.removeItem(at: staging)
        } else {
            // No atomic exchange on this system: move the old entry aside, the new one in, and
            // the old one back if that fails (both names are ours; a kill in between leaves partials).
            let aside = root.appendingPathComponent(
                "\(RunCache.partialPrefix)\(hash)-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
            guard rename(target.path, aside.path) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(at: staging)
                throw FileProblem.error(target.path, "move the old cache entry aside", code: code)
            }
            if rename(staging.path, target.path) != 0 {
                let code = errno
                _ = rename(aside.path, target.path)
                try? FileManager.default.removeItem(at: staging)
                throw FileProblem.error(target.path, "move the new cache entry into place", code: code)
            }
            try? FileManager.default.removeItem(at: aside)
        }
        forget(hash)
    }

    /// Every file of an entry into a new partial folder of ours, the marker last.
    private func writeWhole(_ files: [String: Data], into folder: URL) throws {
        try createRoot()
        if mkdir(folder.path, 0o755) != 0 {
            throw FileProblem.error(folder.path, "create the new entry's folder", code: errno)
        }
        do {
            let order = files.keys.filter { $0 != RunCache.marker }.sorted() + files.keys.filter { $0 == RunCache.marker }
            for path in order {
                let url = folder.appendingPathComponent(path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw FileProblem.error(url.deletingLastPathComponent().path, "create folder", error)
                }
                guard FileManager.default.createFile(atPath: url.path, contents: files[path]!) else {
                    throw FileProblem.error(url.path, "write file", code: errno == 0 ? EIO : errno)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }
}
