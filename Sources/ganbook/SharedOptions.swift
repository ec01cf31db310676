import ArgumentParser
import Book

/// Options every training command takes.
struct EngineOptions: ParsableArguments {
    @Option(help: "Folder holding mnist/ and fashion-mnist/ (searched before $GANBOOK_DATA, ./data, /usr/share/datasets).")
    var data: String?

    @Option(help: "Threads for training (default: all cores).")
    var threads: Int = Ganbook.availableCores

    func validate() throws {
        guard threads >= 1 && threads <= 256 else {
            throw ValidationError("--threads must be between 1 and 256, got \(threads)")
        }
    }
}
