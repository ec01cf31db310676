import Foundation

/// Polls the notebook's sources and calls `rebuild` once they changed and then stayed unchanged
/// for the debounce interval (an editor's save of several files becomes one build).
final class SourceWatcher: @unchecked Sendable {
    let folders: [URL]
    let interval: Double
    let debounce: Double
    let rebuild: () -> Void

    init(folders: [URL], interval: Double = 0.25, debounce: Double, rebuild: @escaping () -> Void) {
        self.folders = folders
        self.interval = interval
        self.debounce = debounce
        self.rebuild = rebuild
    }

    /// Runs on its own thread until the process ends.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "ganbook-watch"
        thread.start()
    }

    private func loop() {
        var built = SourceSnapshot.take(folders)
        while true {
            Thread.sleep(forTimeInterval: interval)
            var now = SourceSnapshot.take(folders)
            guard now != built else { continue }
            // Changed: wait until it holds still.
            while true {
                Thread.sleep(forTimeInterval: debounce)
                let later = SourceSnapshot.take(folders)
                if later == now { break }
                now = later
            }
            built = now
            rebuild()
        }
    }
}
