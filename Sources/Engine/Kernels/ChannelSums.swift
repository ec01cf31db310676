/// Per-channel sums of activations x[N×C×P] (P = H·W), e.g. a convolution's bias gradient.
enum ChannelSums {
    /// sums[c] (+)= Σ_{n,p} x[n,c,p]: added when `accumulate`, else written. Threads take disjoint
    /// channels and each channel is summed in a fixed order, so the result does not depend on the
    /// thread count.
    static func add(_ x: UnsafePointer<Float>, batch: Int, channels: Int, plane: Int,
                    into sums: UnsafeMutablePointer<Float>, accumulate: Bool = true) {
        ComputePool.shared.forEachRange(channels, minimumPerPart: max(1, 32_768 / max(batch * plane, 1))) { range in
            for c in range {
                var total: Double = 0
                for image in 0..<batch { total += Double(SpanSums.sum(x + (image * channels + c) * plane, plane)) }
                sums[c] = accumulate ? sums[c] + Float(total) : Float(total)
            }
        }
    }
}
