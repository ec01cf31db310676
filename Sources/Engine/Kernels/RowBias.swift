/// Adds a bias per row: a batch-last convolution output [O × OH·OW·N] gets bias[o] on row o.
enum RowBias {
    static func add(_ bias: UnsafePointer<Float>, rows: Int, length: Int, to c: UnsafeMutablePointer<Float>) {
        ComputePool.shared.forEachRange(rows, minimumPerPart: max(1, 32_768 / max(length, 1)),
                                        arguments: Job(bias: bias, length: length, c: c), task: Job.task)
    }

    private struct Job {
        var bias: UnsafePointer<Float>
        var length: Int
        var c: UnsafeMutablePointer<Float>

        static let task: ComputePool.RangeTask = { raw, start, end in
            let job = raw.assumingMemoryBound(to: Job.self).pointee
            for row in start..<end {
                let b = job.bias[row], p = job.c + row * job.length
                var i = 0
                while i + 8 <= job.length {
                    let at = UnsafeMutableRawPointer(p + i)
                    at.storeBytes(of: at.loadUnaligned(as: SIMD8<Float>.self) + SIMD8(repeating: b), as: SIMD8<Float>.self)
                    i += 8
                }
                while i < job.length { p[i] += b; i += 1 }
            }
        }
    }
}
