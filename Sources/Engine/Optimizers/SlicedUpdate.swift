/// An optimizer that updates each parameter elementwise, so its work splits by slices: every
/// thread of the pool takes its slice of every parameter in the list.
protocol SlicedUpdate: AnyObject {
    /// Updates slice `part` of `parts` of each parameter in `list`.
    func apply(_ list: [Parameter], part: Int, of parts: Int, zeroingGradients: Bool)
}

extension SlicedUpdate {
    /// One hand-off for the whole list, as a struct by pointer (a closure would be allocated on
    /// each call).
    func applyAcrossPool(_ list: [Parameter], zeroingGradients: Bool, pool: ComputePool = .shared) {
        if pool.threadCount == 1 {
            apply(list, part: 0, of: 1, zeroingGradients: zeroingGradients)
            return
        }
        withExtendedLifetime((self, list)) {
            var job = SliceJob(optimizer: self, list: list, zeroingGradients: zeroingGradients, parts: pool.threadCount)
            withUnsafeMutablePointer(to: &job) { pool.run(SliceJob.task, arguments: $0) }
        }
    }
}

private struct SliceJob {
    unowned(unsafe) let optimizer: SlicedUpdate
    let list: [Parameter]
    let zeroingGradients: Bool
    let parts: Int

    static let task: ComputePool.Task = { raw, part in
        let job = raw.assumingMemoryBound(to: SliceJob.self)
        job.pointee.optimizer.apply(job.pointee.list, part: part, of: job.pointee.parts,
                                    zeroingGradients: job.pointee.zeroingGradients)
    }
}
