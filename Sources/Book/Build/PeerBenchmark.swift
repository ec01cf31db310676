import Engine
import Foundation

/// The reference implementations `ganbook bench --peers` measures beside ganbook: PyTorch
/// (`peer_torch.py --model M`) and JAX (`peer_jax.py` for the MLP, `peer_jax_dcgan.py` for the
/// DCGAN), each run as its own process with the same thread count and measuring time. Each
/// prints one line ending in `iters/s=… images/s=…`.
struct PeerBenchmark {
    enum Peer: String, CaseIterable {
        case pytorch = "PyTorch"
        case jax = "JAX"
    }

    /// The folder holding the peer scripts.
    let directory: URL
    /// The Python interpreter that has torch and jax installed.
    let python: String

    func script(_ peer: Peer, model: String) -> String {
        switch peer {
        case .pytorch: return "peer_torch.py"
        case .jax: return model == "dcgan" ? "peer_jax_dcgan.py" : "peer_jax.py"
        }
    }

    func arguments(_ peer: Peer, model: String, threads: Int, seconds: Double, precision: Precision = .fp32) -> [String] {
        let path = directory.appendingPathComponent(script(peer, model: model)).path
        let common = ["--threads", "\(threads)", "--seconds", "\(seconds)"]
        guard peer == .pytorch else { return [path] + common }
        return [path, "--model", model] + common + (precision == .bf16 ? ["--bf16"] : [])
    }

    /// Whether a peer has a mode in `precision`: PyTorch's bf16 is `torch.autocast`; the JAX
    /// references run fp32 only, so a bf16 row compares with PyTorch alone.
    static func runs(_ peer: Peer, in precision: Precision) -> Bool {
        precision == .fp32 || peer == .pytorch
    }

    /// Fails before anything is measured when a script is missing.
    func checkScripts(models: [String]) throws {
        for model in models {
            for peer in Peer.allCases {
                let path = directory.appendingPathComponent(script(peer, model: model)).path
                guard FileManager.default.fileExists(atPath: path) else {
                    throw BookError(file: path, message: "no \(peer.rawValue) reference script here",
                                    hint: "--peers takes the folder holding peer_torch.py, peer_jax.py and peer_jax_dcgan.py")
                }
            }
        }
    }

    /// Runs one peer and returns its iterations per second.
    func measure(_ peer: Peer, model: String, threads: Int, seconds: Double, precision: Precision = .fp32) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments(peer, model: model, threads: threads, seconds: seconds, precision: precision)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while it runs, so a chatty peer cannot fill one and stall.
        nonisolated(unsafe) var errorData = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reading.wait()
        let text = String(decoding: outputData, as: UTF8.self)
        let command = "\(python) \(script(peer, model: model))"
        guard process.terminationStatus == 0 else {
            let tail = String(decoding: errorData, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            throw BookError(file: "", message: "\(command) exited with status \(process.terminationStatus): \(tail)",
                            hint: "install the references into a virtual environment (python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch jax) and pass --python /tmp/venv/bin/python")
        }
        guard let rate = PeerBenchmark.iterationsPerSecond(in: text) else {
            throw BookError(file: "", message: "\(command) printed no iters/s figure: \(text.prefix(200))")
        }
        return rate
    }

    /// The value of the last `iters/s=` field in a peer's output.
    static func iterationsPerSecond(in output: String) -> Double? {
        guard let field = output.split(whereSeparator: \.isWhitespace).last(where: { $0.hasPrefix("iters/s=") }),
              let value = Double(field.dropFirst("iters/s=".count)), value > 0 else { return nil }
        return value
    }
}
