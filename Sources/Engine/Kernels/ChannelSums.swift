/// Per-channel sums of activations x[N×C×P] (P = H·W), or batch last [C × P·N], e.g. a
/// convolution's bias gradient.
enum ChannelSums {
    /// sums[c] (+)= Σ_{n,p} x[n,c,p]: added when `accumulate`, else written. Threads take disjoint
    /// channels and each channel is summed in a fixed order, so the result does not depend on the
    /// thread count.
    static func add(_ x: UnsafePointer<Float>, batch: Int, channels: Int, plane: Int, batchLast: Bool = false,
                    into sums: UnsafeMutablePointer<Float>, accumulate: Bool = true) {
        ComputePool.shared.forEachRange(channels, minimumPerPart: max(1, 32_768 / max(batch * plane, 1)),
                                        arguments: Job(x: x, batch: batch, channels: channels, plane: plane,
                                                       batchLast: batchLast, sums: sums, accumulate: accumulate),
                                        task: Job.task)
    }

    private struct Job {
        var x: UnsafePointer<Float>
        var batch, channels, plane: Int
        var batchLast: Bool
        var sums: UnsafeMutablePointer<Float>
        var accumulate: Bool

        static let task: ComputePool.RangeTask = { raw, start, end in
            let job = raw.assumingMemoryBound(to: Job.self).pointee
            for c in start..<end {
                var total: Double = 0
                for image in 0..<job.batch {
                    // Spans of P floats, summed in the same order in either layout.
                    let span = job.batchLast ? c * job.batch + image : image * job.channels + c
                    total += Double(SpanSums.sum(job.x + span * job.plane, job.plane))
                }
                job.sums[c] = job.accumulate ? job.sums[c] + Float(total) : Float(total)
            }
        }
    }
}
