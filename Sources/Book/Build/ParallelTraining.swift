import Foundation

/// `build -j N`: independent runs trained at once, each by a child `ganbook build --train-only HASH`
/// process with its share of the threads (the engine's thread pool is one per process, so
/// runs in parallel need processes; the per-run lock keeps them from training one run twice).
/// Each child's output is shown line by line, prefixed with its run.
struct ParallelTraining {
    let options: BuildOptions
    let console: Console
    let executable: String
    let jobs: Int
    /// Names this build's files for its children, so no other build's file is taken or overwritten.
    let token = UUID().uuidString

    typealias Item = (run: PlannedRun, page: PlannedPage)

    /// This process's executable when it is ganbook (tests run the stages in process and train in turn).
    static func ganbookExecutable() -> String? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              (path as NSString).lastPathComponent == "ganbook" else { return nil }
        return path
    }

    /// The threads each child gets: --threads divided among the runs at once, at least one.
    var threadsPerRun: Int { max(1, options.threads / jobs) }

    /// Trains every item; `finished` hears of each one (its index among those done, and its error).
    func train(_ items: [Item], reruns: Set<String>, finished: (Int, Item, Error?) throws -> Void) throws {
        let output = NSLock()
        let ended = DispatchSemaphore(value: 0)
        var running: [(process: Process, item: Item, pipe: Pipe, buffer: LineBuffer)] = []
        var next = 0, done = 0
        console.line("training \(items.count) run(s), \(jobs) at once with \(threadsPerRun) thread(s) each")
        // A failure stops new runs; those already training finish (and are cached) first.
        defer {
            for child in running {
                child.process.waitUntilExit()
                try? FileManager.default.removeItem(at: configURL(child.item))
            }
        }
        while next < items.count || !running.isEmpty {
            while running.count < jobs && next < items.count {
                let item = items[next]
                next += 1
                let name = "\(item.page.page.slug)/\(item.run.id)"
                let (process, pipe, buffer) = try start(item, again: reruns.contains(item.run.hash)) { line in
                    output.lock(); self.console.line("  [\(name)] \(line)"); output.unlock()
                }
                process.terminationHandler = { _ in ended.signal() }
                do { try process.run() } catch { try? FileManager.default.removeItem(at: configURL(item)); throw error }
                running.append((process, item, pipe, buffer))
            }
            ended.wait()
            for index in running.indices.reversed() where !running[index].process.isRunning {
                let child = running.remove(at: index)
                child.process.waitUntilExit()
                try? FileManager.default.removeItem(at: configURL(child.item))  // written by this build for the child
                child.pipe.fileHandleForReading.readabilityHandler = nil
                child.buffer.add(child.pipe.fileHandleForReading.readDataToEndOfFile())
                child.buffer.add(Data())
                done += 1
                let status = child.process.terminationStatus
                let error: Error? = status == 0 ? nil : BookError(
                    file: child.item.page.page.sourcePath, line: child.item.run.line,
                    message: "run \(child.item.run.id) failed (its training process exited with status \(status); its output is above)")
                output.lock(); defer { output.unlock() }
                try finished(done, child.item, error)
            }
        }
    }

    /// Where the child's copy of its run's configuration goes: this process's own temporary file.
    private func configURL(_ item: Item) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("ganbook-\(token)-\(item.run.hash.prefix(16)).json")
    }

    /// The run as planned now, so the child trains it even if a page is edited meanwhile.
    private func writeConfig(_ item: Item) throws -> URL {
        let url = configURL(item)
        try Data(item.run.config.canonicalJSON.utf8).write(to: url, options: .withoutOverwriting)
        return url
    }

    private func start(_ item: Item, again: Bool, line: @escaping (String) -> Void) throws -> (Process, Pipe, LineBuffer) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = ["build", "--content", options.content, "--site", options.site, "--templates", options.templates,
                         "--threads", String(threadsPerRun), "--train-only", item.run.hash,
                         "--train-config", try writeConfig(item).path, "--train-name", "\(item.page.page.slug)/\(item.run.id)",
                         "--train-source", item.page.page.sourcePath, "--train-line", String(item.run.line)]
        if let data = options.data { arguments += ["--data", data] }
        if again { arguments += ["--rerun", item.run.hash] }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let buffer = LineBuffer(line)
        pipe.fileHandleForReading.readabilityHandler = { handle in buffer.add(handle.availableData) }
        return (process, pipe, buffer)
    }
}

/// Splits a child's output into lines as it arrives.
final class LineBuffer: @unchecked Sendable {
    private var pending = Data()
    private let lock = NSLock()
    private let line: (String) -> Void

    init(_ line: @escaping (String) -> Void) { self.line = line }

    func add(_ data: Data) {
        lock.lock(); defer { lock.unlock() }
        if data.isEmpty {  // end of output
            if !pending.isEmpty { line(String(decoding: pending, as: UTF8.self)); pending = Data() }
            return
        }
        pending.append(data)
        while let newline = pending.firstIndex(where: { $0 == 10 || $0 == 13 }) {
            let text = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
            pending = Data(pending[pending.index(after: newline)...])
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { line(text) }
        }
    }
}
