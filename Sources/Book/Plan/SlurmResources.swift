import Foundation

/// What each training task asks Slurm for: what was given on the command line, the rest from
/// the plan's estimates (twice the longest run plus two minutes for start-up, loading and
/// evaluation; twice the largest memory estimate, which is within 2× of measured peaks).
struct SlurmResources: Equatable {
    var partition: String?
    var time: String
    var cpusPerTask: Int
    var memory: String

    init(partition: String?, time: String?, cpusPerTask: Int, memory: String?, listing: PlanListing) throws {
        if let time, time.range(of: #"^(\d+-)?\d+(:\d+){0,2}$"#, options: .regularExpression) == nil {
            throw BookError(file: "", message: "--time \(time): not a Slurm time",
                            hint: "write minutes, MM:SS, HH:MM:SS or D-HH:MM:SS")
        }
        if let memory, memory.range(of: #"^\d+[KMGT]?$"#, options: .regularExpression) == nil {
            throw BookError(file: "", message: "--mem \(memory): not a Slurm memory size", hint: "write e.g. 512M or 4G")
        }
        if let partition, partition.isEmpty || partition.contains(where: { $0.isWhitespace }) {
            throw BookError(file: "", message: "--partition '\(partition)': not a partition name")
        }
        guard (1...256).contains(cpusPerTask) else {
            throw BookError(file: "", message: "--cpus-per-task \(cpusPerTask): must be between 1 and 256")
        }
        self.partition = partition
        self.cpusPerTask = cpusPerTask
        self.time = time ?? SlurmResources.time(seconds: 2 * listing.longestSeconds + 120)
        self.memory = memory ?? SlurmResources.memory(bytes: 2 * listing.largestMemoryBytes)
    }

    /// D-HH:MM:SS (or HH:MM:SS), rounded up to whole minutes.
    static func time(seconds: Double) -> String {
        let minutes = Int((min(seconds, 365 * 86400) / 60).rounded(.up))
        let days = minutes / 1440, hours = minutes / 60 % 24, rest = minutes % 60
        let clock = String(format: "%02d:%02d:00", hours, rest)
        return days > 0 ? "\(days)-\(clock)" : clock
    }

    /// Megabytes, rounded up to a multiple of 64.
    static func memory(bytes: Double) -> String {
        let megabytes = Int((bytes / 1_048_576 / 64).rounded(.up)) * 64
        return "\(max(megabytes, 64))M"
    }
}
