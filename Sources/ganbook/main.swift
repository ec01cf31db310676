import ArgumentParser
import Book
import Foundation

Ganbook.prepareProcess()
// Every failure exits 1, bad arguments included (ArgumentParser's own exit uses 64 for those);
// help and --version exit 0 as usual.
do {
    var command = try GanbookCommand.parseAsRoot()
    try command.run()
} catch {
    if GanbookCommand.exitCode(for: error) == .success { GanbookCommand.exit(withError: error) }
    FileHandle.standardError.write(Data((GanbookCommand.fullMessage(for: error) + "\n").utf8))
    exit(1)
}
