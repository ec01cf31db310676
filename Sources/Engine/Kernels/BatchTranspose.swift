/// Moves activations between batch-first x[N×R] (the layers' N×C×H×W, R = C·H·W) and batch-last
/// t[R×N]. In batch-last order every pixel's N values are adjacent, so im2col and col2im move whole
/// runs of N floats instead of a few pixels of one image, and a GEMM over the whole batch reads
/// and writes it directly.
///
/// Both directions work on 4×4 blocks transposed in registers, a chunk of 64 columns of x at a
/// time: the chunk's 64 rows of t (16 KB at N = 64) stay in L1 while x is streamed in runs of
/// 256 bytes. (Walking all N rows of x at one column instead thrashes L1: rows of x lie R floats
/// apart, and for R = 12544 every fourth row maps to the same cache set.)
enum BatchTranspose {
    private static let chunk = 64

    /// t[R×N] ← x[N×R]. Threads take disjoint ranges of R.
    static func toBatchLast(_ x: UnsafePointer<Float>, batch n: Int, rowLength r: Int,
                            into t: UnsafeMutablePointer<Float>) {
        split(r, batch: n, Move(source: x, target: t, batch: n, rowLength: r, bias: nil, biasPeriod: 1),
              toBatchLastTask)
    }

    /// One transpose, handed to the pool by pointer (a closure would be allocated on each call).
    private struct Move {
        var source: UnsafePointer<Float>
        var target: UnsafeMutablePointer<Float>
        var batch, rowLength: Int
        var bias: UnsafePointer<Float>?
        var biasPeriod: Int
    }

    private static let toBatchLastTask: ComputePool.RangeTask = { raw, start, end in
        let move = raw.assumingMemoryBound(to: Move.self).pointee
        forEachChunk(start..<end) { toBatchLast(move.source, batch: move.batch, rowLength: move.rowLength, into: move.target, columns: $0) }
    }

    private static let toBatchFirstTask: ComputePool.RangeTask = { raw, start, end in
        let move = raw.assumingMemoryBound(to: Move.self).pointee
        forEachChunk(start..<end) {
            toBatchFirst(move.source, batch: move.batch, rowLength: move.rowLength, into: move.target, bias: move.bias,
                         biasPeriod: move.biasPeriod, columns: $0)
        }
    }

    /// Columns `columns` (at most one chunk) of x into rows of t.
    private static func toBatchLast(_ x: UnsafePointer<Float>, batch n: Int, rowLength r: Int,
                                    into t: UnsafeMutablePointer<Float>, columns: Range<Int>) {
        var i = 0
        while i + 4 <= n {
            var j = columns.lowerBound
            while j + 4 <= columns.upperBound {
                // Rows i…i+3 of x at columns j…j+3 become rows j…j+3 of t at columns i…i+3.
                let (c0, c1, c2, c3) = transpose(load(x + i * r + j), load(x + (i + 1) * r + j),
                                                 load(x + (i + 2) * r + j), load(x + (i + 3) * r + j))
                store(c0, t + j * n + i); store(c1, t + (j + 1) * n + i)
                store(c2, t + (j + 2) * n + i); store(c3, t + (j + 3) * n + i)
                j += 4
            }
            for row in i..<(i + 4) { for column in j..<columns.upperBound { t[column * n + row] = x[row * r + column] } }
            i += 4
        }
        for row in i..<n { for column in columns { t[column * n + row] = x[row * r + column] } }
    }

    /// x[N×R] ← t[R×N], plus bias[j / biasPeriod] on element j of each row when a bias is given
    /// (a channel's bias on each of its P = biasPeriod pixels). Threads take disjoint ranges of R.
    static func toBatchFirst(_ t: UnsafePointer<Float>, batch n: Int, rowLength r: Int,
                             into x: UnsafeMutablePointer<Float>,
                             bias: UnsafePointer<Float>? = nil, biasPeriod: Int = 1) {
        split(r, batch: n, Move(source: t, target: x, batch: n, rowLength: r, bias: bias, biasPeriod: biasPeriod),
              toBatchFirstTask)
    }

    /// Rows `columns` (at most one chunk) of t into columns of x.
    private static func toBatchFirst(_ t: UnsafePointer<Float>, batch n: Int, rowLength r: Int,
                                     into x: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>?, biasPeriod: Int,
                                     columns: Range<Int>) {
        // The chunk's bias values, looked up once rather than with a division per element.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: chunk) { buffer in
            let chunkBias = buffer.baseAddress! - columns.lowerBound
            for j in columns { chunkBias[j] = bias?[j / biasPeriod] ?? 0 }
            var i = 0
            while i + 4 <= n {
                var j = columns.lowerBound
                while j + 4 <= columns.upperBound {
                    // Rows j…j+3 of t at columns i…i+3 become rows i…i+3 of x at columns j…j+3.
                    let b = load(chunkBias + j)
                    let (c0, c1, c2, c3) = transpose(load(t + j * n + i), load(t + (j + 1) * n + i),
                                                     load(t + (j + 2) * n + i), load(t + (j + 3) * n + i))
                    store(c0 + b, x + i * r + j); store(c1 + b, x + (i + 1) * r + j)
                    store(c2 + b, x + (i + 2) * r + j); store(c3 + b, x + (i + 3) * r + j)
                    j += 4
                }
                for row in i..<(i + 4) {
                    for column in j..<columns.upperBound { x[row * r + column] = t[column * n + row] + chunkBias[column] }
                }
                i += 4
            }
            for row in i..<n { for column in columns { x[row * r + column] = t[column * n + row] + chunkBias[column] } }
        }
    }

    /// Splits the R columns across threads in whole chunks, each part at least ~32k elements.
    private static func split(_ r: Int, batch n: Int, _ move: Move, _ task: ComputePool.RangeTask) {
        ComputePool.shared.forEachRange(r, alignment: chunk, minimumPerPart: max(chunk, 32_768 / max(n, 1)),
                                        arguments: move, task: task)
    }

    /// Runs `body` on consecutive chunks of at most 64 columns of `range`.
    @inline(__always)
    private static func forEachChunk(_ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + chunk, range.upperBound)
            body(start..<end)
            start = end
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    private static func store(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }

    /// The columns of the 4×4 matrix with rows a, b, c, d.
    @inline(__always)
    private static func transpose(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>)
        -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
        (SIMD4(a[0], b[0], c[0], d[0]), SIMD4(a[1], b[1], c[1], d[1]),
         SIMD4(a[2], b[2], c[2], d[2]), SIMD4(a[3], b[3], c[3], d[3]))
    }
}
