/// Moves activations between batch-major x[N×C×P] and channel-major m[C×N·P] (P = H·W), the
/// layout whose rows a single GEMM over the whole batch reads or writes. Threads take disjoint
/// channels, so the per-channel sums run in a fixed order.
enum ChannelMajor {
    /// m[C×N·P] ← x[N×C×P]; when `sums` is given, sums[c] += Σ_{n,p} x[n,c,p] (a bias gradient).
    static func gather(_ x: UnsafePointer<Float>, batch: Int, channels: Int, plane: Int,
                       into m: UnsafeMutablePointer<Float>, addingSumsTo sums: UnsafeMutablePointer<Float>? = nil) {
        forEachChannelRange(batch: batch, channels: channels, plane: plane) { range in
            for c in range {
                var total: Double = 0
                for image in 0..<batch {
                    let source = x + (image * channels + c) * plane
                    (m + (c * batch + image) * plane).update(from: source, count: plane)
                    if sums != nil { total += Double(SpanSums.sum(source, plane)) }
                }
                sums?[c] += Float(total)
            }
        }
    }

    /// x[N×C×P] ← m[C×N·P] (+ bias[c] when given).
    static func scatter(_ m: UnsafePointer<Float>, batch: Int, channels: Int, plane: Int,
                        into x: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>? = nil) {
        forEachChannelRange(batch: batch, channels: channels, plane: plane) { range in
            for c in range {
                for image in 0..<batch {
                    let source = m + (c * batch + image) * plane
                    let target = x + (image * channels + c) * plane
                    if let bias {
                        let b = bias[c]
                        for i in 0..<plane { target[i] = source[i] + b }
                    } else {
                        target.update(from: source, count: plane)
                    }
                }
            }
        }
    }

    /// sums[c] += Σ_{n,p} x[n,c,p].
    static func addChannelSums(_ x: UnsafePointer<Float>, batch: Int, channels: Int, plane: Int,
                               into sums: UnsafeMutablePointer<Float>) {
        forEachChannelRange(batch: batch, channels: channels, plane: plane) { range in
            for c in range {
                var total: Double = 0
                for image in 0..<batch { total += Double(SpanSums.sum(x + (image * channels + c) * plane, plane)) }
                sums[c] += Float(total)
            }
        }
    }

    @inline(__always)
    private static func forEachChannelRange(batch: Int, channels: Int, plane: Int, _ body: (Range<Int>) -> Void) {
        ComputePool.shared.forEachRange(channels, minimumPerPart: max(1, 32_768 / max(batch * plane, 1)), body)
    }
}
