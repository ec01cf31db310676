/// Thins long series for drawing while keeping their shape: the first and last points, and
/// in each of a fixed number of buckets the lowest and highest point. Same input, same output.
enum Downsampler {
    /// Indices (ascending) of at most `limit` points of `values` to keep.
    static func minMaxIndices(_ values: [Double], limit: Int) -> [Int] {
        precondition(limit >= 4, "keep at least four points, got \(limit)")
        let count = values.count
        guard count > limit else { return Array(0..<count) }
        let inner = count - 2
        let buckets = (limit - 2) / 2
        var kept = [0]
        for bucket in 0..<buckets {
            let start = 1 + bucket * inner / buckets
            let end = 1 + (bucket + 1) * inner / buckets
            guard start < end else { continue }
            var low = start, high = start
            for index in start..<end {
                if values[index] < values[low] { low = index }
                if values[index] > values[high] { high = index }
            }
            kept.append(min(low, high))
            if low != high { kept.append(max(low, high)) }
        }
        kept.append(count - 1)
        return kept
    }
}
