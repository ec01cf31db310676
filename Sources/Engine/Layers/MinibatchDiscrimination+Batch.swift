import Foundation

extension MinibatchDiscrimination {
    /// One batch's pointers and sizes, handed to the pool by pointer for the layer's three
    /// parallel loops (closeness of every pair, the output rows, the projection's gradient).
    struct Batch {
        var n, a, b, d: Int
        var width: Int { b * d }
        /// M[N × B·D], c[N × N × B], x[N × A], y[N × (A+B)].
        var m: UnsafeMutablePointer<Float>
        var c: UnsafeMutablePointer<Float>
        var x: UnsafePointer<Float>
        var y: UnsafeMutablePointer<Float>?
        /// Backward: dy[N × (A+B)], dM[N × B·D] and a row of pair weights per sample.
        var dy: UnsafePointer<Float>?
        var dm: UnsafeMutablePointer<Float>?
        var pairWeights: UnsafeMutablePointer<Float>?
        var parts = 1

        init(n: Int, a: Int, b: Int, d: Int, m: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>,
             x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>?) {
            self.n = n; self.a = a; self.b = b; self.d = d
            self.m = m; self.c = c; self.x = x; self.y = y
        }

        static let closenessTask: ComputePool.Task = { raw, part in
            let job = raw.assumingMemoryBound(to: Batch.self).pointee
            if part < job.parts { job.fillCloseness(part: part) }
        }

        static let outputTask: ComputePool.RangeTask = { raw, start, end in
            raw.assumingMemoryBound(to: Batch.self).pointee.fillOutput(rows: start..<end)
        }

        static let gradientTask: ComputePool.RangeTask = { raw, start, end in
            raw.assumingMemoryBound(to: Batch.self).pointee.fillProjectionGradient(rows: start..<end)
        }

        /// c[i, j, b] = c[j, i, b] = exp(−‖M_i,b − M_j,b‖₁) for rows i ≡ part (mod parts), j > i.
        func fillCloseness(part: Int) {
            let width = self.width
            for i in stride(from: part, to: n, by: parts) {
                let mi = m + i * width
                for j in (i + 1)..<n {
                    let mj = m + j * width
                    let cij = c + (i * n + j) * b, cji = c + (j * n + i) * b
                    for kernel in 0..<b {
                        var distance: Float = 0
                        for e in (kernel * d)..<(kernel * d + d) { distance += abs(mi[e] - mj[e]) }
                        let value = Foundation.exp(-distance)
                        cij[kernel] = value
                        cji[kernel] = value
                    }
                }
            }
        }

        /// y = [x, o] with o_b(i) = Σ_{j ≠ i} c[i, j, b], summed in order of j.
        func fillOutput(rows: Range<Int>) {
            guard let y else { return }
            for i in rows {
                let row = y + i * (a + b)
                row.update(from: x + i * a, count: a)
                let o = row + a
                o.update(repeating: 0, count: b)
                for j in 0..<n where j != i {
                    let cij = c + (i * n + j) * b
                    for kernel in 0..<b { o[kernel] += cij[kernel] }
                }
            }
        }

        /// dM_i = −Σ_{j ≠ i} (do_b(i) + do_b(j)) · c_b(i, j) · sign(M_i − M_j), per entry.
        func fillProjectionGradient(rows: Range<Int>) {
            guard let g = dy, let dm, let pairWeights else { return }
            let width = self.width
            for i in rows {
                let mi = m + i * width, gi = g + i * (a + b) + a
                let out = dm + i * width, w = pairWeights + i * width
                out.update(repeating: 0, count: width)
                for j in 0..<n where j != i {
                    let mj = m + j * width, gj = g + j * (a + b) + a
                    let cij = c + (i * n + j) * b
                    // Spread each kernel's weight over its D entries so the loop below runs over
                    // the whole row at once.
                    for kernel in 0..<b {
                        (w + kernel * d).update(repeating: (gi[kernel] + gj[kernel]) * cij[kernel], count: d)
                    }
                    for e in 0..<width {
                        let difference = mi[e] - mj[e]
                        let sign: Float = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
                        out[e] -= w[e] * sign
                    }
                }
            }
        }
    }
}
