import Foundation
import XCTest

/// `ganbook serve …` started from the built executable (beside the test bundle), its output in
/// files so the test can read the port it printed; stopped by the test.
final class ServeProcess {
    let process = Process()
    let output: URL

    static func executable() throws -> URL {
        let bundle = Bundle(for: ServeProcess.self).bundleURL
        for folder in [bundle.deletingLastPathComponent(), bundle, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("ganbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("no ganbook executable beside the test bundle")
    }

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = try ServeProcess.executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        output = directory.appendingPathComponent(".serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var text: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// Waits (bounded) for `condition` on the output; false when the time ran out or the process ended without it.
    func wait(timeout: Double, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(text) { return true }
            if !process.isRunning { return condition(text) }
            usleep(50_000)
        }
        return false
    }

    /// The port from the "serving … at http://host:PORT/" line.
    func port(timeout: Double) -> Int? {
        guard wait(timeout: timeout, { $0.contains("serving ") }) else { return nil }
        guard let range = text.range(of: #":(\d+)/"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst().dropLast())
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// Runs to the end (bounded), for commands expected to fail at once.
    func finish(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { stop(); return nil }
        return process.terminationStatus
    }
}
