import Foundation

/// What SIGINT and SIGTERM do during a build or a train: wait for the file or cache entry being
/// written to be complete (so nothing is left half written), remove this process's lock files,
/// say what was kept and what was abandoned, and end the process with a non-zero status.
///
/// Training runs on the calling thread and cannot be unwound by a thrown error from a signal, so
/// the signal is taken on a dispatch queue and the process ends from there.
final class BuildInterruption: @unchecked Sendable {
    private let writing = NSLock()
    private let state = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var kept: [String] = []
    private var current: String?
    private var pending = 0
    private let afterword: String

    /// The interruption of this process's command, when the command installed one.
    nonisolated(unsafe) static var active: BuildInterruption?

    init(afterword: String) { self.afterword = afterword }

    /// Catches SIGINT and SIGTERM from now on; the report ends with `afterword`.
    @discardableResult
    static func install(afterword: String) -> BuildInterruption {
        let interruption = BuildInterruption(afterword: afterword)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { interruption.stop(signalNumber) }
            source.resume()
            interruption.sources.append(source)
        }
        active = interruption
        return interruption
    }

    /// Runs `body` (one file or entry write) so that an interruption waits for it to finish.
    static func writing<T>(_ body: () throws -> T) rethrows -> T {
        guard let active else { return try body() }
        active.writing.lock()
        defer { active.writing.unlock() }
        return try body()
    }

    func planned(_ count: Int) { state.lock(); pending = count; state.unlock() }
    func started(_ label: String) { state.lock(); current = label; state.unlock() }
    func finished(_ label: String) {
        state.lock(); kept.append(label); current = nil; pending -= 1; state.unlock()
    }

    func stop(_ signalNumber: Int32) {
        writing.lock()  // never released: the process ends with nothing half written
        FileLock.registry.unlinkAll()
        state.lock()
        let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
        var lines = ["interrupted by \(name): stopped safely, no partial file or cache entry left"]
        lines.append(kept.isEmpty ? "  kept: no run finished in this build"
                                  : "  kept (trained and cached): " + kept.joined(separator: ", "))
        if let current { lines.append("  abandoned: \(current) (its training is lost; the next build trains it again)") }
        let notStarted = pending - (current == nil ? 0 : 1)
        if notStarted > 0 { lines.append("  not started: \(notStarted) run(s)") }
        lines.append("  " + afterword)
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        _exit(128 + signalNumber)
    }
}
