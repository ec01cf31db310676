/// Column sums of a row-major matrix, e.g. a dense layer's bias gradient Σ_rows dy.
enum ColumnSums {
    /// sums[j] (+)= Σ_i x[i, j] for x[rows × columns]: added when `accumulate`, else written. Each
    /// column is summed over rows in order, whatever thread takes it; threads take disjoint
    /// 16-aligned column ranges.
    static func add(_ x: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>,
                    accumulate: Bool, pool: ComputePool = .shared) {
        var job = Job(x: x, rows: rows, columns: columns, sums: sums, accumulate: accumulate,
                      parts: min(pool.threadCount, max(1, rows * columns / 8_192), max(1, columns / 16)))
        if job.parts == 1 { job.run(0..<columns); return }
        withUnsafeMutablePointer(to: &job) { pool.run(Job.task, arguments: $0) }
    }

    private struct Job {
        var x: UnsafePointer<Float>
        var rows, columns: Int
        var sums: UnsafeMutablePointer<Float>
        var accumulate: Bool
        var parts: Int

        static let task: ComputePool.Task = { raw, part in
            let job = raw.assumingMemoryBound(to: Job.self).pointee
            guard part < job.parts else { return }
            let range = ComputePool.range(part: part, of: job.parts, count: job.columns, alignment: 16)
            if !range.isEmpty { job.run(range) }
        }

        func run(_ range: Range<Int>) {
            if !accumulate { (sums + range.lowerBound).update(repeating: 0, count: range.count) }
            for row in 0..<rows {
                let r = x + row * columns
                for j in range { sums[j] += r[j] }
            }
        }
    }
}
