import Foundation

/// Checks that a decoded configuration can actually run: settings that are each valid but
/// impossible together (fewer examples than one batch), checked at the end of decoding, and
/// models too large for this machine, checked by whoever is about to train (`checkMemory`) before
/// anything trains: a cached run needs no memory to be rendered, and a plan may be made on a
/// smaller machine than the workers that train it.
extension RunConfig {
    /// One reason a run cannot train. `keys` are the keys to point at, most relevant first
    /// (the first one written gives the line).
    public struct FeasibilityProblem: Equatable, Sendable {
        public var kind: GANError.Kind
        public var keys: [String]
        public var message: String
        public var hint: String
    }

    /// Every reason this run cannot train on `machine` (no memory check when it is unknown).
    public func feasibilityProblems(machine: MachineMemory? = MachineMemory.current) -> [FeasibilityProblem] {
        var problems: [FeasibilityProblem] = []
        if let available = examplesAvailable, available < samplesPerStep {
            let what = subset != nil ? "subset \(subset!)" : classes != nil
                ? "classes \(classes!.map(String.init).joined(separator: ", ")) hold only \(available) examples, and that"
                : "\(dataset.rawValue) has only \(available) examples, and that"
            problems.append(FeasibilityProblem(
                kind: .conflict, keys: ["subset", "batch_size", "classes", "dataset"],
                message: "\(what) is smaller than \(pack > 1 ? "batch_size × pack, \(samplesPerStep)" : "batch_size \(batchSize)"): not one batch can be drawn",
                hint: "lower batch_size to at most \(available / pack)\(subset != nil ? " or raise subset" : "")"))
        }
        let iterations = plannedIterations
        if iterations / logEvery + 2 > Self.maximumLoggedRows {
            // Every logged row is kept in memory and written to metrics.csv, which the site reads back.
            let every = (iterations + Self.maximumLoggedRows - 3) / (Self.maximumLoggedRows - 2)
            problems.append(FeasibilityProblem(
                kind: .invalidValue, keys: ["log_every", "iterations", "epochs"],
                message: "logging every \(logEvery) of \(iterations) iterations writes about \(iterations / logEvery + 2) rows "
                    + "to metrics.csv, more than the \(Self.maximumLoggedRows) a run may log",
                hint: "use log_every: \(every) or more"))
        }
        if let machine {
            let estimate = MemoryEstimate(self)
            if estimate.total > machine.usable {
                problems.append(FeasibilityProblem(
                    kind: .invalidValue, keys: ["generator", "discriminator", "batch_size", "model", "dataset"],
                    message: "the run needs about \(Self.bytes(estimate.total)) of memory (parameters with gradients and "
                        + "optimizer state \(Self.bytes(estimate.parameters)), batch buffers \(Self.bytes(estimate.activations)), "
                        + "data \(Self.bytes(estimate.data))), more than the \(Self.bytes(machine.usable)) it may use here "
                        + "(\(Int(MachineMemory.usableShare * 100))% of \(Self.bytes(min(machine.total, machine.available ?? machine.total))) "
                        + "available; the machine has \(Self.bytes(machine.total)))",
                    hint: "use narrower or fewer hidden layers or channels, or a smaller batch_size"))
            }
        }
        return problems
    }

    /// Rows of metrics.csv a run may log: about 15 MB, which the site reads back on every build.
    public static let maximumLoggedRows = 100_000

    /// Training examples after `classes` and `subset` (nil when unknown).
    var examplesAvailable: Int? {
        if let subset { return subset }
        if let counts = dataset.trainingClassCounts {
            return (classes ?? Array(0...9)).map { counts[$0] }.reduce(0, +)
        }
        return GaussianMixture.named(dataset)?.count
    }

    /// "1.5 GB", "320 MB": sizes in powers of 1024 with at most one decimal.
    static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "more bytes than can be counted" }
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var size = value, unit = 0
        while size >= 1024 && unit < units.count - 1 { size /= 1024; unit += 1 }
        return unit == 0 ? "\(Int(size.rounded())) bytes" : String(format: size < 10 ? "%.1f" : "%.0f", size) + " " + units[unit]
    }
}

extension RunConfig {
    /// Refuses a run whose estimated memory does not fit `machine`, as an error at `file:line`.
    public func checkMemory(machine: MachineMemory? = MachineMemory.current, file: String, line: Int?) throws {
        let sizeFree = feasibilityProblems(machine: nil)
        guard let problem = feasibilityProblems(machine: machine).first(where: { !sizeFree.contains($0) }) else { return }
        throw GANError(kind: problem.kind, file: file, line: line, message: problem.message, hint: problem.hint)
    }
}

extension RunConfigDecoder {
    /// The first problem of the configuration itself (not of this machine) as an error at the
    /// line of its most relevant written key.
    func checkFeasibility(_ config: RunConfig) throws {
        guard let problem = config.feasibilityProblems(machine: nil).first else { return }
        let anchor = problem.keys.lazy.compactMap { self.root.optional($0) }.first
        throw (anchor ?? root.value).error(problem.kind, problem.message, hint: problem.hint)
    }
}

extension RunConfig {
    /// What to do about a precision this CPU cannot run.
    private static let precisionHint =
        "train this run on a CPU with AVX512-BF16 (AMD Zen 4, Intel Cooper Lake or later), or use precision: fp32"

    /// Refuses a run whose precision this CPU cannot run, as an error at `file:line`.
    public func checkPrecision(file: String, line: Int?) throws {
        guard let reason = precision.unavailability() else { return }
        throw GANError(kind: .invalidValue, file: file, line: line, keyPath: "precision", message: reason,
                       hint: Self.precisionHint)
    }
}
