import Foundation
import Synchronization

/// A fixed team of threads that run one job together: `run(task, arguments:)` calls the task once
/// for each part `0..<threadCount`, part 0 on the calling thread, and returns when all are done.
/// Jobs are C functions with a pointer to a struct of their values: a Swift closure handed to
/// another thread would be allocated on every call, and a training step hands off hundreds.
///
/// Workers spin briefly between jobs (a training step issues hundreds of jobs back to back, and
/// waking a sleeping thread costs more than most of them) and then park on a condition variable.
/// Work is split statically by part index, so a given thread count always computes the same way:
/// results are deterministic for a fixed `threadCount`.
public final class ComputePool {
    public let threadCount: Int

    private let generation = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private var task: Task?
    private var arguments: UnsafeMutableRawPointer?
    private var mutex = pthread_mutex_t()
    private var wakeUp = pthread_cond_t()
    private var running = false
    private static let spinIterations = 200_000

    public init(threads: Int) {
        precondition(threads >= 1, "a pool needs at least one thread")
        threadCount = threads
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&wakeUp, nil)
        for part in 1..<max(threads, 1) {
            // Workers keep their pool alive: pools are cached per thread count and never freed.
            let thread = Thread { self.workerLoop(part: part) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// A job given as a C function and a pointer to its arguments, called as `task(arguments, part)`.
    /// Handing it to the workers allocates nothing.
    public typealias Task = @convention(c) (UnsafeMutableRawPointer, Int) -> Void

    /// Runs `task(arguments, part)` for every part in `0..<threadCount` concurrently. Not re-entrant.
    public func run(_ task: Task, arguments: UnsafeMutableRawPointer) {
        if threadCount == 1 { task(arguments, 0); return }
        precondition(!running, "ComputePool.run called from inside a job")
        running = true
        self.task = task
        self.arguments = arguments
        startWorkers()
        task(arguments, 0)
        waitForWorkers()
        self.task = nil
        self.arguments = nil
        running = false
    }

    private func startWorkers() {
        finished.store(0, ordering: .sequentiallyConsistent)
        generation.add(1, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            pthread_mutex_lock(&mutex)
            pthread_cond_broadcast(&wakeUp)
            pthread_mutex_unlock(&mutex)
        }
    }

    private func waitForWorkers() {
        var spins = 0
        while finished.load(ordering: .acquiring) < threadCount - 1 {
            // If a worker was descheduled (a busy machine), let it have the core.
            spins += 1
            if spins > 10_000 { sched_yield() }
        }
    }

    /// A range job given as a C function and a pointer to its arguments: `task(arguments, start, end)`.
    public typealias RangeTask = @convention(c) (UnsafeMutableRawPointer, Int, Int) -> Void

    /// Splits `0..<count` into `threadCount` contiguous ranges (sizes rounded to `alignment`) and
    /// runs `task(arguments, start, end)` for each non-empty one, with `arguments` (a struct of the
    /// job's values) passed by pointer; small counts run on the calling thread. Allocates nothing.
    public func forEachRange<Arguments>(_ count: Int, alignment: Int = 1, minimumPerPart: Int = 1,
                                        arguments: Arguments, task: RangeTask) {
        var arguments = arguments
        withUnsafeMutablePointer(to: &arguments) { pointer in
            let raw = UnsafeMutableRawPointer(pointer)
            let parts = min(threadCount, max(1, count / max(minimumPerPart, 1)))
            if parts <= 1 { if count > 0 { task(raw, 0, count) }; return }
            var job = RangeJob(task: task, arguments: raw, count: count, alignment: alignment, parts: parts)
            withUnsafeMutablePointer(to: &job) { run(RangeJob.trampoline, arguments: $0) }
        }
    }

    private struct RangeJob {
        var task: RangeTask
        var arguments: UnsafeMutableRawPointer
        var count, alignment, parts: Int

        static let trampoline: Task = { raw, part in
            let job = raw.assumingMemoryBound(to: RangeJob.self).pointee
            let range = ComputePool.range(part: part, of: job.parts, count: job.count, alignment: job.alignment)
            if !range.isEmpty { job.task(job.arguments, range.lowerBound, range.upperBound) }
        }
    }

    static func range(part: Int, of parts: Int, count: Int, alignment: Int) -> Range<Int> {
        guard part < parts else { return 0..<0 }
        let chunk = ((count + parts - 1) / parts + alignment - 1) / alignment * alignment
        let start = min(part * chunk, count)
        return start..<min(start + chunk, count)
    }

    private func workerLoop(part: Int) {
        var seen = 0
        while true {
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                if spins > ComputePool.spinIterations { park(seen: seen); spins = 0 }
            }
            seen = generation.load(ordering: .acquiring)
            if let task, let arguments { task(arguments, part) }
            finished.add(1, ordering: .releasing)
        }
    }

    private func park(seen: Int) {
        pthread_mutex_lock(&mutex)
        sleepers.add(1, ordering: .sequentiallyConsistent)
        while generation.load(ordering: .sequentiallyConsistent) == seen {
            pthread_cond_wait(&wakeUp, &mutex)
        }
        sleepers.subtract(1, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(&mutex)
    }
}

extension ComputePool {
    /// The pool every layer uses. Set once, before building models (`ganbook --threads`).
    nonisolated(unsafe) public private(set) static var shared = ComputePool(threads: 1)
    nonisolated(unsafe) private static var pools: [Int: ComputePool] = [:]

    public static func configure(threads: Int) {
        precondition(threads >= 1)
        if shared.threadCount == threads { return }
        if pools[1] == nil { pools[1] = shared }
        if let pool = pools[threads] { shared = pool; return }
        let pool = ComputePool(threads: threads)
        pools[threads] = pool
        shared = pool
    }

    public static var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
