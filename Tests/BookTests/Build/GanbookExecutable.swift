import Foundation
import XCTest

/// The built `ganbook` executable, run as a user would. SwiftPM puts it in `.build/<config>/`
/// beside the test bundle.
struct GanbookExecutable {
    let url: URL

    /// The executable next to the test bundle, or a skip when this build has none.
    static func located() throws -> GanbookExecutable {
        let folders = [Bundle.main.bundleURL, Bundle(for: BundleMarker.self).bundleURL,
                       Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent(),
                       URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for folder in folders {
            let candidate = folder.appendingPathComponent("ganbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return GanbookExecutable(url: candidate) }
        }
        throw XCTSkip("no ganbook executable beside the test bundle (looked in \(folders.map(\.path)))")
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    /// A started process whose output goes to files, so it can be watched while it runs.
    final class Running {
        let process: Process
        let stdoutURL: URL
        let stderrURL: URL

        init(process: Process, stdoutURL: URL, stderrURL: URL) {
            self.process = process
            self.stdoutURL = stdoutURL
            self.stderrURL = stderrURL
        }

        var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

        /// Waits until `condition` holds on stdout + stderr, the process ends, or the time is up.
        @discardableResult
        func waitForOutput(timeout: TimeInterval, _ condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition(stdout + stderr) { return true }
                if !process.isRunning { return condition(stdout + stderr) }
                usleep(20_000)
            }
            return false
        }

        func finish() -> Outcome {
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
    }

    /// Starts `ganbook arguments…` in `directory`; `environment` entries are added to this process's.
    func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let tag = UUID().uuidString
        let stdoutURL = directory.appendingPathComponent(".out-\(tag)")
        let stderrURL = directory.appendingPathComponent(".err-\(tag)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, stdoutURL: stdoutURL, stderrURL: stderrURL)
    }

    /// Runs `ganbook arguments…` in `directory` to the end.
    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Outcome {
        try start(arguments, in: directory, environment: environment).finish()
    }
}

private final class BundleMarker {}
