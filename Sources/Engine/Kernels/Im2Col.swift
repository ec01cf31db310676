/// im2col and its adjoint col2im over a whole batch held batch-last, so a convolution is one GEMM.
///
/// Images t[C×H×W×N] (see `BatchTranspose`); columns cols[C·k·k × OH·OW·N], row r = (c·k + ki)·k + kj,
/// column (oh·OW + ow)·N + n holding t[c, oh·s − p + ki, ow·s − p + kj, n], or 0 in the padding.
/// Every move is a run of N floats (longer at stride 1), never a single pixel.
extension ConvGeometry {
    /// cols[C·k·k × OH·OW·N] ← t[C×H×W×N]. Threads take disjoint rows of cols.
    func im2col(_ t: UnsafePointer<Float>, batch n: Int, into cols: UnsafeMutablePointer<Float>) {
        KernelUsage.record(.im2col)
        let rowLength = gridSize * n
        ComputePool.shared.forEachRange(columnRows, minimumPerPart: max(1, 32_768 / max(rowLength, 1)),
                                        arguments: Move(geometry: self, from: t, to: cols, batch: n),
                                        task: ConvGeometry.im2colTask)
    }

    /// One im2col or col2im, handed to the pool by pointer.
    private struct Move {
        var geometry: ConvGeometry
        var from: UnsafePointer<Float>
        var to: UnsafeMutablePointer<Float>
        var batch: Int
        var initial: UnsafePointer<Float>? = nil
    }

    private static let im2colTask: ComputePool.RangeTask = { raw, start, end in
        let move = raw.assumingMemoryBound(to: Move.self).pointee
        let rowLength = move.geometry.gridSize * move.batch
        for r in start..<end { move.geometry.fillColumnRow(r, move.from, batch: move.batch, move.to + r * rowLength) }
    }

    private static let col2imTask: ComputePool.RangeTask = { raw, start, end in
        let move = raw.assumingMemoryBound(to: Move.self).pointee
        move.geometry.col2imUnits(start..<end, move.from, batch: move.batch, into: move.to, initial: move.initial)
    }

    @inline(__always)
    private func fillColumnRow(_ r: Int, _ t: UnsafePointer<Float>, batch n: Int, _ row: UnsafeMutablePointer<Float>) {
        let c = r / (kernel * kernel), ki = (r / kernel) % kernel, kj = r % kernel
        let valid = validColumns(kernelColumn: kj)
        let shift = kj - padding  // input column = ow·s + shift
        let plane = t + c * planeSize * n
        let lineLength = outWidth * n
        var out = row
        for oh in 0..<outHeight {
            let ih = oh * stride - padding + ki
            if ih < 0 || ih >= height || valid.isEmpty {
                out.update(repeating: 0, count: lineLength)
            } else {
                let line = plane + ih * width * n
                out.update(repeating: 0, count: valid.lowerBound * n)
                if stride == 1 {
                    (out + valid.lowerBound * n).update(from: line + (valid.lowerBound + shift) * n, count: valid.count * n)
                } else {
                    for ow in valid { (out + ow * n).update(from: line + (ow * stride + shift) * n, count: n) }
                }
                (out + valid.upperBound * n).update(repeating: 0, count: (outWidth - valid.upperBound) * n)
            }
            out += lineLength
        }
    }

    /// t[C×H×W×N] ← each entry of cols[C·k·k × OH·OW·N] summed onto the pixel it came from, every
    /// channel starting from `initial[c]` (a bias) or 0. Threads take disjoint image rows (c, ih)
    /// and each pixel sums its terms in a fixed order, so the result is deterministic.
    func col2im(_ cols: UnsafePointer<Float>, batch n: Int, into t: UnsafeMutablePointer<Float>,
                initial: UnsafePointer<Float>? = nil) {
        let perUnit = width * n * max(1, kernel * kernel / (stride * stride))
        ComputePool.shared.forEachRange(channels * height, minimumPerPart: max(1, 32_768 / max(perUnit, 1)),
                                        arguments: Move(geometry: self, from: cols, to: t, batch: n, initial: initial),
                                        task: ConvGeometry.col2imTask)
    }

    /// col2im for image rows `units` (unit = c·H + ih).
    private func col2imUnits(_ units: Range<Int>, _ cols: UnsafePointer<Float>, batch n: Int,
                             into t: UnsafeMutablePointer<Float>, initial: UnsafePointer<Float>?) {
        let rowLength = gridSize * n, lineLength = width * n
        for unit in units {
            let c = unit / height, ih = unit % height
            let line = t + unit * lineLength
            line.update(repeating: initial?[c] ?? 0, count: lineLength)
            for ki in 0..<kernel {
                // Output rows oh with oh·s − p + ki = ih.
                let offset = ih + padding - ki
                if offset < 0 || offset % stride != 0 { continue }
                let oh = offset / stride
                if oh >= outHeight { continue }
                for kj in 0..<kernel {
                    let valid = validColumns(kernelColumn: kj)
                    if valid.isEmpty { continue }
                    let shift = kj - padding
                    let source = cols + ((c * kernel + ki) * kernel + kj) * rowLength + oh * outWidth * n
                    if stride == 1 {
                        let dst = line + (valid.lowerBound + shift) * n, src = source + valid.lowerBound * n
                        for i in 0..<(valid.count * n) { dst[i] += src[i] }
                    } else {
                        for ow in valid {
                            let dst = line + (ow * stride + shift) * n, src = source + ow * n
                            for i in 0..<n { dst[i] += src[i] }
                        }
                    }
                }
            }
        }
    }
}
