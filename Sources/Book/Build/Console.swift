import Foundation

/// Where commands report: results to standard output, progress to standard error. Progress
/// redraws one line on a terminal and prints plain periodic lines otherwise (logs, CI).
public final class Console {
    let write: (String) -> Void
    let writeProgress: (String) -> Void
    let isTerminal: Bool
    private var progressLineOpen = false

    init(isTerminal: Bool, write: @escaping (String) -> Void, writeProgress: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
        self.writeProgress = writeProgress
    }

    static let standard = Console(
        isTerminal: isatty(STDERR_FILENO) == 1,
        write: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeProgress: { FileHandle.standardError.write(Data($0.utf8)) })

    /// A console that collects everything, for tests.
    static func capturing(into buffer: @escaping (String) -> Void) -> Console {
        Console(isTerminal: false, write: buffer, writeProgress: buffer)
    }

    func line(_ text: String) {
        endProgress()
        write(text + "\n")
    }

    /// Replaces the progress line on a terminal; appends a line elsewhere.
    func progress(_ text: String) {
        if isTerminal {
            writeProgress("\r\u{1B}[2K" + text)
            progressLineOpen = true
        } else {
            writeProgress(text + "\n")
        }
    }

    func endProgress() {
        if progressLineOpen { writeProgress("\n"); progressLineOpen = false }
    }
}
