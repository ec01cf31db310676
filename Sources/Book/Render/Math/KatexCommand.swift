import Foundation

/// Debian's `katex` command (package katex: KaTeX's own command-line renderer), run once per
/// formula. Its Node modules live in /usr/share/nodejs, which a Node.js from elsewhere does not
/// search, so that folder is added to NODE_PATH.
struct KatexCommand: Sendable {
    let executable: URL
    /// A formula that takes longer than this is reported, not waited for.
    static let timeout = 30.0
    static let environmentVariable = "GANBOOK_KATEX"

    /// `$GANBOOK_KATEX` (a path, or "none" to typeset nothing), else `katex` on the PATH.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> KatexCommand? {
        if let chosen = environment[environmentVariable], !chosen.isEmpty {
            if chosen == "none" { return nil }
            return FileManager.default.isExecutableFile(atPath: chosen) ? KatexCommand(executable: URL(fileURLWithPath: chosen)) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("katex")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return KatexCommand(executable: candidate) }
        }
        return nil
    }

    /// The command's real file with its size and modification time: an upgraded katex (a new
    /// file from its package) gets formulas typeset afresh, not an old version's output.
    var identity: String {
        let real = executable.resolvingSymlinksInPath().path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: real)) ?? [:]
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(real) \(attributes[.size] as? Int ?? 0) \(modified)"
    }

    /// KaTeX's HTML for `tex`, or the error KaTeX reported (its message, e.g. "KaTeX parse error: …").
    func render(_ tex: String, display: Bool) -> Result<String, MathError> {
        let process = Process()
        process.executableURL = executable
        process.arguments = display ? ["--display-mode"] : []
        var environment = ProcessInfo.processInfo.environment
        environment["NODE_PATH"] = ([environment["NODE_PATH"], "/usr/share/nodejs"].compactMap { $0 }).joined(separator: ":")
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            return .failure(MathError(message: "cannot run \(executable.path): \(error.localizedDescription)"))
        }
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data(), errorData = Data()
        DispatchQueue.global().async(group: group) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(Data(tex.utf8))
        try? input.fileHandleForWriting.close()
        if group.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            return .failure(MathError(message: "katex did not finish within \(Int(Self.timeout)) s"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errorData, as: UTF8.self)
            let message = text.split(separator: "\n").first { $0.contains("ParseError") || $0.contains("Error") }
                .map(String.init) ?? text.trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(MathError(message: String(message.prefix(500))))
        }
        return .success(String(decoding: outputData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// What KaTeX said about a formula it could not typeset.
struct MathError: Error, Equatable {
    let message: String
}
