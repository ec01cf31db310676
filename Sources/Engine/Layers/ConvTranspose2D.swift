/// Transposed 2-D convolution (PyTorch's ConvTranspose2d), the adjoint of a Conv2D with the same
/// kernel, stride and padding: x[N×C×H×W] → y[N×O×OH×OW] with OH = (H − 1)·s − 2p + k + outputPadding.
/// Weights [C, O, k, k] as PyTorch lays them out, bias [O].
///
/// One GEMM per product over the whole batch: x is transposed batch-last (xt[C·H·W × N]),
/// cols[O·k·k × H·W·N] = Wᵀ · xt, col2im sums cols into yt[O·OH·OW × N], each channel starting from
/// its bias, and a transpose gives y. Backward: dcols = im2col(dyt), dW += xt · dcolsᵀ, dxt = W · dcols.
/// Between convolutions the transposes are skipped: a batch-last input is read as xt, and with
/// `emitsBatchLast` y stays batch last (its gradient then arrives batch last too).
/// The 4×4, stride-2, padding-1 layers between wider channel counts run by Winograd instead
/// (`WinogradConvolution`, this layer's input being its grid and its output the planes).
public final class ConvTranspose2D: BatchLastConvolution, Initializable {
    public let inChannels: Int
    public let outChannels: Int
    public let kernel: Int
    public let stride: Int
    public let padding: Int
    /// Extra rows and columns at the bottom and right of the output (less than the stride), so a
    /// stride-2 layer with an odd kernel can exactly double the size.
    public let outputPadding: Int
    /// [C, O, k, k]
    public let weight: Parameter
    /// [O]
    public let bias: Parameter

    public var emitsBatchLast = false
    /// The convolution this layer is the adjoint of: planes are this layer's output, the grid its input.
    private var geometry: ConvGeometry?
    private var batch = 0
    /// xt of the last forward: the input itself when it came batch last, else `inputBatchLast`.
    private var forwardInput: Tensor?
    /// The last forward's input was batch last: so is the input gradient.
    private var inputIsBatchLast = false
    private var output: Tensor?
    private var gradInput: Tensor?
    /// xt[C × H·W·N] of the last forward, kept for dW.
    private var inputBatchLast: Tensor?
    /// [O·k·k × H·W·N]: cols in forward, dcols in backward (by Winograd: dV, then V).
    private var columns: Tensor?
    /// [O·OH·OW × N]: yt in forward, dyt in backward.
    private var outputBatchLast: Tensor?
    /// dxt[C × H·W·N]
    private var gradInputBatchLast: Tensor?
    /// The last forward ran by Winograd: `columns` holds dV in forward and V in backward.
    private var usedWinograd = false
    /// Winograd's U (the weights' tiles), the input's tiles (kept for dW), the input gradient's
    /// tiles, and dU.
    private var winogradWeights: Tensor?
    private var winogradInput: Tensor?
    private var winogradInputGradient: Tensor?
    private var winogradWeightGradient: Tensor?

    public init(inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                outputPadding: Int = 0) {
        precondition(inChannels > 0 && outChannels > 0 && kernel > 0 && stride > 0 && padding >= 0,
                     "ConvTranspose2D(\(inChannels)→\(outChannels), kernel \(kernel), stride \(stride), padding \(padding))")
        precondition(outputPadding >= 0 && outputPadding < stride,
                     "output padding \(outputPadding) must be smaller than the stride \(stride)")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.outputPadding = outputPadding
        weight = Parameter(name: "convT.weight", shape: [inChannels, outChannels, kernel, kernel], isWeight: true)
        bias = Parameter(name: "convT.bias", shape: [outChannels], isWeight: false)
    }

    public var parameters: [Parameter] { [weight, bias] }

    /// PyTorch's default bound 1/√fanIn, where its fanIn for this weight layout is O·k·k.
    public func initialize(_ scheme: WeightInit, rng: inout RandomGenerator) {
        switch scheme {
        case .default:
            let bound = 1 / Float(outChannels * kernel * kernel).squareRoot()
            rng.fillUniform(weight.value, in: -bound...bound)
            rng.fillUniform(bias.value, in: -bound...bound)
        case .dcgan:
            rng.fillNormal(weight.value, std: 0.02)
            bias.value.zero()
        }
    }

    private func geometry(for shape: [Int]) -> ConvGeometry {
        precondition(shape.count == 4 && shape[1] == inChannels,
                     "ConvTranspose2D expects N×\(inChannels)×H×W, got \(shape)")
        let height = (shape[2] - 1) * stride - 2 * padding + kernel + outputPadding
        let width = (shape[3] - 1) * stride - 2 * padding + kernel + outputPadding
        precondition(height > 0 && width > 0, "ConvTranspose2D output would be \(height)×\(width) for \(shape)")
        return ConvGeometry(channels: outChannels, height: height, width: width, kernel: kernel, stride: stride,
                            padding: padding, outHeight: shape[2], outWidth: shape[3])
    }

    /// Independent: each sample is convolved on its own.
    public var isSampleIndependent: Bool { true }

    public func outputShape(inputShape: [Int]) -> [Int] {
        let g = geometry(for: inputShape)
        return [inputShape[0], outChannels, g.height, g.width]
    }

    public func forwardFLOPs(inputShape: [Int]) -> Int {
        let g = geometry(for: inputShape)
        return 2 * inputShape[0] * g.gridSize * inChannels * g.columnRows
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        let g = geometry(for: x.shape)
        let n = x.shape[0], k = g.columnRows, cells = g.gridSize * n
        geometry = g
        batch = n
        let y = reuse(output, n, outChannels, g.height, g.width)
        output = y
        y.isBatchLast = emitsBatchLast

        // xt is kept for dW: a batch-last input stays valid until backward (its layer's next forward comes later).
        var xt = x
        if !x.isBatchLast {
            xt = reuse(inputBatchLast, inChannels, cells)
            inputBatchLast = xt
            BatchTranspose.toBatchLast(x.data, batch: n, rowLength: inChannels * g.gridSize, into: xt.data)
        }
        forwardInput = xt
        inputIsBatchLast = x.isBatchLast
        // yt[O·OH·OW × N], each channel from its bias: y itself when it stays batch last.
        var yt = y.data
        if !emitsBatchLast {
            let transposed = reuse(outputBatchLast, outChannels * g.planeSize, n)
            outputBatchLast = transposed
            yt = transposed.data
        }
        usedWinograd = WinogradConvolution.applies(to: g, gridChannels: inChannels)
        if usedWinograd {
            // dV = Uᵀ · (xt's tiles), then the planes of dV.
            let w = WinogradConvolution(geometry: g, gridChannels: inChannels, batch: n)
            let tiles = reuse(winogradInput, 9, w.gridStride)
            let u = reuse(winogradWeights, 9, w.weightStride)
            let dv = reuse(columns, 9, w.planeStride)
            winogradInput = tiles; winogradWeights = u; columns = dv
            w.transformGridGradient(xt.data, into: tiles.data)
            w.transformWeights(weight.value.data, into: u.data)
            w.planeProducts(u: u.data, dm: tiles.data, dv: dv.data).run()
            w.planes(fromTileGradient: dv.data, initial: bias.value.data, into: yt)
        } else {
            let cols = reuse(columns, k, cells)
            columns = cols
            // cols[O·k·k × H·W·N] = Wᵀ[O·k·k × C] · xt[C × H·W·N]
            BLAS.gemm(transA: true, m: k, n: cells, k: inChannels, a: weight.value.data, lda: k,
                      b: xt.data, ldb: cells, c: cols.data, ldc: cells)
            g.col2im(cols.data, batch: n, into: yt, initial: bias.value.data)
        }
        if !emitsBatchLast {
            BatchTranspose.toBatchFirst(yt, batch: n, rowLength: outChannels * g.planeSize, into: y.data)
        }
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard let g = geometry, let xt = forwardInput, let dcols = columns else {
            preconditionFailure("ConvTranspose2D.backward before forward")
        }
        let n = batch, cells = g.gridSize * n
        precondition(dy.shape == [n, outChannels, g.height, g.width] && dy.isBatchLast == emitsBatchLast,
                     "ConvTranspose2D.backward: gradient \(dy.shape) for output \([n, outChannels, g.height, g.width])"
                        + " (batch last: \(dy.isBatchLast), expected \(emitsBatchLast))")
        guard needs.parameters || needs.input else { return nil }
        // dcols[O·k·k × H·W·N] ← im2col of dyt[O·OH·OW × N] (dy itself when it arrives batch last)
        var dyt = UnsafePointer(dy.data)
        if !dy.isBatchLast {
            let transposed = reuse(outputBatchLast, outChannels * g.planeSize, n)
            outputBatchLast = transposed
            BatchTranspose.toBatchLast(dy.data, batch: n, rowLength: outChannels * g.planeSize, into: transposed.data)
            dyt = UnsafePointer(transposed.data)
        }
        if needs.parameters {
            ChannelSums.add(dy.data, batch: n, channels: outChannels, plane: g.planeSize, batchLast: dy.isBatchLast,
                            into: bias.gradient.data, accumulate: needs.accumulate)
        }
        // dxt[C × H·W·N]: dx itself when the input came batch last.
        var dx: Tensor?, dxt: UnsafeMutablePointer<Float>?
        if needs.input {
            let gradient = reuse(gradInput, n, inChannels, g.outHeight, g.outWidth)
            gradInput = gradient
            gradient.isBatchLast = inputIsBatchLast
            dx = gradient
            dxt = gradient.data
            if !inputIsBatchLast {
                let transposed = reuse(gradInputBatchLast, inChannels, cells)
                gradInputBatchLast = transposed
                dxt = transposed.data
            }
        }
        if usedWinograd {
            winogradBackward(g, dyt, needs, into: dxt)
        } else {
            im2colBackward(g, dyt, xt, dcols, needs, into: dxt)
        }
        if let dx, let dxt, !inputIsBatchLast {
            BatchTranspose.toBatchFirst(dxt, batch: n, rowLength: inChannels * g.gridSize, into: dx.data)
        }
        return dx
    }

    /// dcols = im2col(dyt), dW (+)= xt · dcolsᵀ and dxt = W · dcols.
    private func im2colBackward(_ g: ConvGeometry, _ dyt: UnsafePointer<Float>, _ xt: Tensor, _ dcols: Tensor,
                                _ needs: GradientNeeds, into dxt: UnsafeMutablePointer<Float>?) {
        let k = g.columnRows, cells = g.gridSize * batch
        g.im2col(dyt, batch: batch, into: dcols.data)
        // dW[C × O·k·k] (+)= xt[C × H·W·N] · dcolsᵀ[H·W·N × O·k·k]
        let weightGradient = BLAS.Product(transB: true, m: inChannels, n: k, k: cells, a: xt.data, lda: cells,
                                          b: dcols.data, ldb: cells, beta: needs.accumulate ? 1 : 0,
                                          c: weight.gradient.data, ldc: k)
        // dxt[C × H·W·N] = W[C × O·k·k] · dcols[O·k·k × H·W·N]
        let inputGradient = dxt.map {
            BLAS.Product(m: inChannels, n: cells, k: k, a: weight.value.data, lda: k, b: dcols.data, ldb: cells,
                         c: $0, ldc: cells)
        }
        BLAS.runGradients(weight: weightGradient, input: inputGradient, needs: needs)
    }

    /// The same by Winograd: V = dyt's tiles, dU = (the input's tiles) · Vᵀ and the input
    /// gradient's tiles U · V (U from the weights as they are now); then dW (+)= dU's weights
    /// and dxt = the grid of those tiles.
    private func winogradBackward(_ g: ConvGeometry, _ dyt: UnsafePointer<Float>, _ needs: GradientNeeds,
                                  into dxt: UnsafeMutablePointer<Float>?) {
        guard let tiles = winogradInput else { preconditionFailure("ConvTranspose2D.backward before forward") }
        let w = WinogradConvolution(geometry: g, gridChannels: inChannels, batch: batch)
        let v = reuse(columns, 9, w.planeStride)
        let du = reuse(winogradWeightGradient, 9, w.weightStride)
        columns = v; winogradWeightGradient = du
        w.transformPlanes(dyt, into: v.data)
        var inputProducts: BLAS.Batch?
        var inputTiles: Tensor?
        if dxt != nil {
            let u = reuse(winogradWeights, 9, w.weightStride)
            let m = reuse(winogradInputGradient, 9, w.gridStride)
            winogradWeights = u; winogradInputGradient = m; inputTiles = m
            w.transformWeights(weight.value.data, into: u.data)
            inputProducts = w.forwardProducts(u: u.data, v: v.data, m: m.data)
        }
        BLAS.runGradientBatches(weight: w.weightProducts(dm: tiles.data, v: v.data, du: du.data), input: inputProducts,
                                needs: needs)
        if needs.parameters { w.weightGradient(du.data, beta: needs.accumulate ? 1 : 0, into: weight.gradient.data) }
        if let inputTiles, let dxt { w.grid(fromTiles: inputTiles.data, into: dxt) }
    }
}
