@testable import Engine

/// Direct-loop convolutions in double precision, the reference the im2col layers are checked against.
enum ConvolutionReference {
    /// y[n,o,oh,ow] = b[o] + Σ_{c,ki,kj} w[o,c,ki,kj] · x[n,c,oh·s−p+ki, ow·s−p+kj] (zero outside).
    static func conv(_ x: Tensor, weight w: Tensor, bias b: Tensor, stride s: Int, padding p: Int) -> (shape: [Int], values: [Double]) {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, k) = (w.shape[0], w.shape[2])
        let oh = (h + 2 * p - k) / s + 1, ow = (wd + 2 * p - k) / s + 1
        var y = [Double](repeating: 0, count: n * o * oh * ow)
        for image in 0..<n {
            for out in 0..<o {
                for i in 0..<oh {
                    for j in 0..<ow {
                        var total = Double(b[out])
                        for ch in 0..<c {
                            for ki in 0..<k {
                                for kj in 0..<k {
                                    let row = i * s - p + ki, col = j * s - p + kj
                                    guard row >= 0, row < h, col >= 0, col < wd else { continue }
                                    total += Double(w[((out * c + ch) * k + ki) * k + kj])
                                        * Double(x[((image * c + ch) * h + row) * wd + col])
                                }
                            }
                        }
                        y[((image * o + out) * oh + i) * ow + j] = total
                    }
                }
            }
        }
        return ([n, o, oh, ow], y)
    }

    /// Each input pixel scatters x[n,c,i,j] · w[c,o,ki,kj] onto y[n,o,i·s−p+ki, j·s−p+kj], plus b[o].
    static func convTranspose(_ x: Tensor, weight w: Tensor, bias b: Tensor, stride s: Int, padding p: Int,
                              outputPadding: Int) -> (shape: [Int], values: [Double]) {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, k) = (w.shape[1], w.shape[2])
        let oh = (h - 1) * s - 2 * p + k + outputPadding, ow = (wd - 1) * s - 2 * p + k + outputPadding
        var y = [Double](repeating: 0, count: n * o * oh * ow)
        for image in 0..<n {
            for out in 0..<o { for i in 0..<(oh * ow) { y[(image * o + out) * oh * ow + i] = Double(b[out]) } }
            for ch in 0..<c {
                for i in 0..<h {
                    for j in 0..<wd {
                        let value = Double(x[((image * c + ch) * h + i) * wd + j])
                        for out in 0..<o {
                            for ki in 0..<k {
                                for kj in 0..<k {
                                    let row = i * s - p + ki, col = j * s - p + kj
                                    guard row >= 0, row < oh, col >= 0, col < ow else { continue }
                                    y[((image * o + out) * oh + row) * ow + col] += value * Double(w[((ch * o + out) * k + ki) * k + kj])
                                }
                            }
                        }
                    }
                }
            }
        }
        return ([n, o, oh, ow], y)
    }
}
