/// Moves activations between batch-first x[N×R] (the layers' N×C×H×W, R = C·H·W) and batch-last
/// t[R×N]. In batch-last order every pixel's N values are adjacent, so im2col and col2im move whole
/// runs of N floats instead of a few pixels of one image, and a GEMM over the whole batch reads
/// and writes it directly.
enum BatchTranspose {
    /// Square tiles small enough that a tile's source and destination lines stay in L1.
    private static let tile = 16

    /// t[R×N] ← x[N×R]. Threads take disjoint ranges of R.
    static func toBatchLast(_ x: UnsafePointer<Float>, batch n: Int, rowLength r: Int,
                            into t: UnsafeMutablePointer<Float>) {
        ComputePool.shared.forEachRange(r, alignment: tile, minimumPerPart: max(tile, 32_768 / max(n, 1))) { range in
            var j0 = range.lowerBound
            while j0 < range.upperBound {
                let j1 = min(j0 + tile, range.upperBound)
                var i0 = 0
                while i0 < n {
                    let i1 = min(i0 + tile, n)
                    for j in j0..<j1 {
                        let dst = t + j * n
                        for i in i0..<i1 { dst[i] = x[i * r + j] }
                    }
                    i0 = i1
                }
                j0 = j1
            }
        }
    }

    /// x[N×R] ← t[R×N], plus bias[j / biasPeriod] on element j of each row when a bias is given
    /// (a channel's bias on each of its P = biasPeriod pixels). Threads take disjoint ranges of R.
    static func toBatchFirst(_ t: UnsafePointer<Float>, batch n: Int, rowLength r: Int,
                             into x: UnsafeMutablePointer<Float>,
                             bias: UnsafePointer<Float>? = nil, biasPeriod: Int = 1) {
        ComputePool.shared.forEachRange(r, alignment: tile, minimumPerPart: max(tile, 32_768 / max(n, 1))) { range in
            var j0 = range.lowerBound
            while j0 < range.upperBound {
                let j1 = min(j0 + tile, range.upperBound)
                var i0 = 0
                while i0 < n {
                    let i1 = min(i0 + tile, n)
                    for j in j0..<j1 {
                        let b = bias?[j / biasPeriod] ?? 0
                        let src = t + j * n
                        for i in i0..<i1 { x[i * r + j] = src[i] + b }
                    }
                    i0 = i1
                }
                j0 = j1
            }
        }
    }
}
