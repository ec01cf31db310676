/// im2col and its adjoint col2im for a whole batch at once, so a convolution is one large GEMM.
///
/// Columns matrix cols[C·k·k × N·OH·OW]: row r = (c·k + ki)·k + kj, column n·OH·OW + oh·OW + ow holds
/// x[n, c, oh·s − p + ki, ow·s − p + kj], or 0 where that falls in the padding.
extension ConvGeometry {
    /// cols[C·k·k × N·OH·OW] ← x[N×C×H×W]. Threads take disjoint rows of cols.
    func im2col(_ x: UnsafePointer<Float>, batch: Int, into cols: UnsafeMutablePointer<Float>) {
        let rows = columnRows, rowLength = batch * gridSize
        ComputePool.shared.forEachRange(rows, minimumPerPart: max(1, 32_768 / max(rowLength, 1))) { range in
            for r in range { fillColumnRow(r, x, batch: batch, cols + r * rowLength) }
        }
    }

    @inline(__always)
    private func fillColumnRow(_ r: Int, _ x: UnsafePointer<Float>, batch: Int, _ row: UnsafeMutablePointer<Float>) {
        let c = r / (kernel * kernel), ki = (r / kernel) % kernel, kj = r % kernel
        let valid = validColumns(kernelColumn: kj)
        let shift = kj - padding  // input column = ow·s + shift
        for image in 0..<batch {
            let plane = x + (image * channels + c) * planeSize
            var out = row + image * gridSize
            for oh in 0..<outHeight {
                let ih = oh * stride - padding + ki
                if ih < 0 || ih >= height || valid.isEmpty {
                    out.update(repeating: 0, count: outWidth)
                } else {
                    let line = plane + ih * width
                    for ow in 0..<valid.lowerBound { out[ow] = 0 }
                    if stride == 1 {
                        (out + valid.lowerBound).update(from: line + valid.lowerBound + shift, count: valid.count)
                    } else {
                        for ow in valid { out[ow] = line[ow * stride + shift] }
                    }
                    for ow in valid.upperBound..<outWidth { out[ow] = 0 }
                }
                out += outWidth
            }
        }
    }

    /// x[N×C×H×W] ← Σ of cols[C·k·k × N·OH·OW] onto the pixels each column entry came from, every
    /// plane starting from `initial[c]` (a bias) or 0. Threads take disjoint (image, channel)
    /// planes, and each plane is summed in a fixed order, so the result is deterministic.
    func col2im(_ cols: UnsafePointer<Float>, batch: Int, into x: UnsafeMutablePointer<Float>,
                initial: UnsafePointer<Float>? = nil) {
        let planes = batch * channels, rowLength = batch * gridSize
        let perPlane = kernel * kernel * gridSize
        ComputePool.shared.forEachRange(planes, minimumPerPart: max(1, 32_768 / max(perPlane, 1))) { range in
            for index in range {
                let image = index / channels, c = index % channels
                let plane = x + index * planeSize
                plane.update(repeating: initial?[c] ?? 0, count: planeSize)
                for ki in 0..<kernel {
                    for kj in 0..<kernel {
                        let valid = validColumns(kernelColumn: kj)
                        if valid.isEmpty { continue }
                        let shift = kj - padding
                        let r = (c * kernel + ki) * kernel + kj
                        var source = cols + r * rowLength + image * gridSize
                        for oh in 0..<outHeight {
                            let ih = oh * stride - padding + ki
                            if ih >= 0 && ih < height {
                                let line = plane + ih * width
                                if stride == 1 {
                                    let dst = line + (valid.lowerBound + shift), src = source + valid.lowerBound
                                    for i in 0..<valid.count { dst[i] += src[i] }
                                } else {
                                    for ow in valid { line[ow * stride + shift] += source[ow] }
                                }
                            }
                            source += outWidth
                        }
                    }
                }
            }
        }
    }
}
