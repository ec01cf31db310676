import Foundation

/// How much memory this machine has, from `/proc/meminfo`: what a run may use is judged against it.
public struct MachineMemory: Equatable, Sendable {
    /// `MemTotal` in bytes.
    public var total: Double
    /// `MemAvailable` in bytes (what can be had without swapping), when the kernel reports it.
    public var available: Double?

    public init(total: Double, available: Double?) {
        self.total = total
        self.available = available
    }

    /// The share of the memory a run may plan to use: the rest is for the system, other
    /// processes and the estimate's error.
    public static let usableShare = 0.8

    /// Bytes a run may use: the usable share of what is available (of the total when the
    /// kernel does not say what is available).
    public var usable: Double { Self.usableShare * min(total, available ?? total) }

    /// This machine, read once per process; nil where `/proc/meminfo` cannot be read (then no
    /// run is refused for its size).
    public static let current: MachineMemory? = {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        return parse(text)
    }()

    /// Reads `Key: N kB` lines; nil without a MemTotal.
    static func parse(_ text: String) -> MachineMemory? {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, parts[0].hasSuffix(":"), let number = Double(parts[1]) else { continue }
            let unit = parts.count > 2 && parts[2] == "kB" ? 1024.0 : 1
            values[String(parts[0].dropLast())] = number * unit
        }
        guard let total = values["MemTotal"], total > 0 else { return nil }
        return MachineMemory(total: total, available: values["MemAvailable"])
    }
}
