import Foundation

/// The `--out` folder of `ganbook train`, which is replaced only when it is provably a run that
/// ganbook wrote: a folder holding a run's files and nothing else, down to `samples/` (see
/// `RunFolderShape`). Never a file, a link, `.`, `..`, the working directory, or a folder
/// holding it or the config.
struct TrainOutput {
    let url: URL

    init(path: String) { url = URL(fileURLWithPath: path).standardizedFileURL }

    var parent: URL { url.deletingLastPathComponent() }
    var hiddenBase: String { ".\(url.lastPathComponent).ganbook" }

    /// Throws a `BookError` saying why `--out` may not be written; nil problem for a new or empty
    /// folder, or a run folder with `replace`.
    func check(config: String, replace: Bool, original: String) throws {
        let name = (original as NSString).lastPathComponent
        if name == "." || name == ".." || original.isEmpty || url.path == "/" {
            throw refusal("names \(name.isEmpty ? "no folder" : "\"\(name)\""), which ganbook never replaces")
        }
        let working = FileManager.default.currentDirectoryPath
        for (what, path) in [("the working directory", working), ("the config file", config)]
        where FileKind.isInside(path, root: url.path) {
            throw refusal("is \(what) or a folder holding it (\(FileKind.resolved(path)))")
        }
        switch FileKind.of(url.path) {
        case .missing: return
        case .symlink: throw refusal("is a symbolic link; --out must name a real folder")
        case .directory: break
        default: throw refusal("is a file, not a folder; ganbook never replaces a file")
        }
        let names = try contents()
        if names.isEmpty { return }
        guard RunFolderShape.holdsRun(url) else {
            let foreign = RunFolderShape.foreignPaths(in: url)
            throw refusal("is a folder that does not hold a ganbook run"
                          + (foreign.isEmpty ? " (it lacks a valid run.json or config.json)"
                                             : " (it holds \(foreign.prefix(3).joined(separator: ", ")))"),
                          hint: "ganbook replaces only a folder it wrote itself; choose another --out")
        }
        if !replace {
            throw BookError(file: url.path, message: "already holds a run", hint: "choose another --out, or pass --force to replace it")
        }
    }

    func contents() throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
            throw FileProblem.error(url.path, "list folder", error)
        }
    }

    func refusal(_ text: String, hint: String = "choose another --out") -> BookError {
        BookError(file: url.path, message: "refusing to write the run here: --out \(text)", hint: hint)
    }

    /// Held from the checks until the folder is in place, so two trains never write one --out.
    func lock() throws -> FileLock {
        try SiteOutput.ensureFolder(parent, what: "folder of --out")
        guard let lock = try FileLock.acquire(parent.appendingPathComponent(hiddenBase + "-lock"), wait: false) else {
            throw BookError(file: url.path, message: "another ganbook train is writing this --out folder now",
                            hint: "wait for it to finish, or choose another --out")
        }
        // Under the lock nobody else writes here: folders of ours left by a killed train can go.
        // A previous run moved aside by a train killed before the new one was in place comes back.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for name in names {
            guard let kind = leftoverKind(name) else { continue }
            let leftover = parent.appendingPathComponent(name)
            // The name alone proves nothing: only a folder holding nothing but a run's files is ours.
            guard FileKind.of(leftover.path) == .directory, RunFolderShape.foreignPaths(in: leftover).isEmpty else { continue }
            if kind == "old", FileKind.of(url.path) == .missing {
                rename(leftover.path, url.path)
            } else {
                try? FileManager.default.removeItem(at: leftover)
            }
        }
        return lock
    }

    /// "old" or "partial" for a folder name this --out's train writes beside it
    /// (`.NAME.ganbook-old-<digits>`), nil for any other name: a longer name, such as the
    /// leftovers of another --out called `NAME.ganbook-partial-1`, is not ours to touch.
    func leftoverKind(_ name: String) -> String? {
        for kind in ["old", "partial"] where name.hasPrefix("\(hiddenBase)-\(kind)-") {
            let tag = name.dropFirst(hiddenBase.count + kind.count + 2)
            if !tag.isEmpty && tag.utf8.allSatisfy({ (48...57).contains($0) }) { return kind }
        }
        return nil
    }

    /// Puts `files` in place of the folder all at once: written beside it, then renamed over it.
    /// One write for an interruption: Ctrl-C waits for it, so no partial folder is left behind.
    func replace(with files: [String: Data]) throws {
        try BuildInterruption.writing { try swap(in: files) }
    }

    private func swap(in files: [String: Data]) throws {
        let tag = UInt32.random(in: 0...UInt32.max)
        let partial = parent.appendingPathComponent("\(hiddenBase)-partial-\(tag)")
        // Created exclusively: the folder removed on failure below is then always one this call made.
        if mkdir(partial.path, 0o755) != 0 {
            throw FileProblem.error(partial.path, "create the new run's folder", code: errno)
        }
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let file = partial.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.writeNew(data, to: file)
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw FileProblem.error(partial.path, "write the run's files", error)
        }
        do {
            var old: URL?
            if FileKind.of(url.path) == .directory {
                let moved = parent.appendingPathComponent("\(hiddenBase)-old-\(tag)")
                if rename(url.path, moved.path) != 0 {
                    let code = errno
                    try? FileManager.default.removeItem(at: partial)
                    throw FileProblem.error(url.path, "move the previous run aside", code: code)
                }
                old = moved
            }
            if rename(partial.path, url.path) != 0 {
                let code = errno
                if let old { rename(old.path, url.path) }
                try? FileManager.default.removeItem(at: partial)
                throw FileProblem.error(url.path, "move the new run into place", code: code)
            }
            if let old { try? FileManager.default.removeItem(at: old) }
        }
    }
}
