/// 2-D convolution (cross-correlation, as PyTorch's Conv2d): x[N×C×H×W] → y[N×O×OH×OW] with
/// OH = (H + 2p − k)/s + 1. Weights [O, C, k, k] as PyTorch lays them out, bias [O].
///
/// The whole batch goes through one GEMM per product. x is transposed batch-last (xt[C·H·W × N]),
/// im2col writes cols[C·k·k × OH·OW·N], W[O × C·k·k] · cols gives y batch-last [O·OH·OW × N], and a
/// transpose back adds the bias. Backward: dW += dyt · colsᵀ, dcols = Wᵀ · dyt, dx = col2im(dcols).
/// Between convolutions the transposes are skipped: a batch-last input is read as xt, and with
/// `emitsBatchLast` y stays batch last (its gradient then arrives batch last too).
/// The 4×4, stride-2, padding-1 layers between wider channel counts run by Winograd instead
/// (`WinogradConvolution`): its matrices take the place of cols and dcols.
public final class Conv2D: BatchLastConvolution, Initializable {
    public let inChannels: Int
    public let outChannels: Int
    public let kernel: Int
    public let stride: Int
    public let padding: Int
    /// [O, C, k, k]
    public let weight: Parameter
    /// [O]
    public let bias: Parameter

    public var emitsBatchLast = false
    private var geometry: ConvGeometry?
    private var batch = 0
    /// The last forward's input was batch last: so is the input gradient.
    private var inputIsBatchLast = false
    private var output: Tensor?
    private var gradInput: Tensor?
    /// xt[C·H·W × N] in forward, dxt in backward.
    private var batchLast: Tensor?
    /// cols[C·k·k × OH·OW·N] of the last forward, kept for dW (by Winograd: V).
    private var columns: Tensor?
    /// [O × OH·OW·N]: y batch-last in forward, then dy batch-last in backward.
    private var product: Tensor?
    /// dcols[C·k·k × OH·OW·N] (by Winograd: dV)
    private var gradColumns: Tensor?
    /// The last forward ran by Winograd: `columns` holds V, `gradColumns` takes dV.
    private var usedWinograd = false
    /// Winograd's U (the weights' tiles), M then dM (the grid's), and dU.
    private var winogradWeights: Tensor?
    private var winogradGrid: Tensor?
    private var winogradWeightGradient: Tensor?

    public init(inChannels: Int, outChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0) {
        precondition(inChannels > 0 && outChannels > 0 && kernel > 0 && stride > 0 && padding >= 0,
                     "Conv2D(\(inChannels)→\(outChannels), kernel \(kernel), stride \(stride), padding \(padding))")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        weight = Parameter(name: "conv.weight", shape: [outChannels, inChannels, kernel, kernel], isWeight: true)
        bias = Parameter(name: "conv.bias", shape: [outChannels], isWeight: false)
    }

    public var parameters: [Parameter] { [weight, bias] }

    /// PyTorch's default bound 1/√fanIn with fanIn = C·k·k, for weights and bias alike.
    public func initialize(_ scheme: WeightInit, rng: inout RandomGenerator) {
        switch scheme {
        case .default:
            let bound = 1 / Float(inChannels * kernel * kernel).squareRoot()
            rng.fillUniform(weight.value, in: -bound...bound)
            rng.fillUniform(bias.value, in: -bound...bound)
        case .dcgan:
            rng.fillNormal(weight.value, std: 0.02)
            bias.value.zero()
        }
    }

    private func geometry(for shape: [Int]) -> ConvGeometry {
        precondition(shape.count == 4 && shape[1] == inChannels,
                     "Conv2D expects N×\(inChannels)×H×W, got \(shape)")
        return ConvGeometry(channels: inChannels, height: shape[2], width: shape[3],
                            kernel: kernel, stride: stride, padding: padding)
    }

    /// Independent: each sample is convolved on its own.
    public var isSampleIndependent: Bool { true }

    public func outputShape(inputShape: [Int]) -> [Int] {
        let g = geometry(for: inputShape)
        return [inputShape[0], outChannels, g.outHeight, g.outWidth]
    }

    public func forwardFLOPs(inputShape: [Int]) -> Int {
        let g = geometry(for: inputShape)
        return 2 * inputShape[0] * outChannels * g.columnRows * g.gridSize
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        let g = geometry(for: x.shape)
        let n = x.shape[0], k = g.columnRows, cells = g.gridSize * n
        geometry = g
        batch = n
        inputIsBatchLast = x.isBatchLast
        let y = reuse(output, n, outChannels, g.outHeight, g.outWidth)
        output = y
        y.isBatchLast = emitsBatchLast

        var xt = x.data
        if !x.isBatchLast {
            let transposed = reuse(batchLast, inChannels * g.planeSize, n)
            batchLast = transposed
            BatchTranspose.toBatchLast(x.data, batch: n, rowLength: inChannels * g.planeSize, into: transposed.data)
            xt = transposed.data
        }
        // out[O × OH·OW·N] = W ⊛ xt, straight into y when it stays batch last.
        var out = y.data
        if !emitsBatchLast {
            let product = reuse(self.product, outChannels, cells)
            self.product = product
            out = product.data
        }
        usedWinograd = WinogradConvolution.applies(to: g, gridChannels: outChannels)
        if usedWinograd {
            let w = WinogradConvolution(geometry: g, gridChannels: outChannels, batch: n)
            let v = reuse(columns, 9, w.planeStride)
            let u = reuse(winogradWeights, 9, w.weightStride)
            let m = reuse(winogradGrid, 9, w.gridStride)
            columns = v; winogradWeights = u; winogradGrid = m
            w.transformWeights(weight.value.data, into: u.data)
            w.transformPlanes(xt, into: v.data)
            w.forwardProducts(u: u.data, v: v.data, m: m.data).run()
            w.grid(fromTiles: m.data, into: out)
        } else {
            let cols = reuse(columns, k, cells)
            columns = cols
            g.im2col(xt, batch: n, into: cols.data)
            // out[O × OH·OW·N] = W[O × C·k·k] · cols[C·k·k × OH·OW·N]
            BLAS.gemm(m: outChannels, n: cells, k: k, a: weight.value.data, lda: k, b: cols.data, ldb: cells,
                      c: out, ldc: cells)
        }
        if emitsBatchLast {
            RowBias.add(bias.value.data, rows: outChannels, length: cells, to: y.data)
        } else {
            BatchTranspose.toBatchFirst(out, batch: n, rowLength: outChannels * g.gridSize, into: y.data,
                                        bias: bias.value.data, biasPeriod: g.gridSize)
        }
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard let g = geometry, let cols = columns else {
            preconditionFailure("Conv2D.backward before forward")
        }
        let n = batch, cells = g.gridSize * n
        precondition(dy.shape == [n, outChannels, g.outHeight, g.outWidth] && dy.isBatchLast == emitsBatchLast,
                     "Conv2D.backward: gradient \(dy.shape) for output \([n, outChannels, g.outHeight, g.outWidth])"
                        + " (batch last: \(dy.isBatchLast), expected \(emitsBatchLast))")
        guard needs.parameters || needs.input else { return nil }
        // dyt[O × OH·OW·N] ← dy[N×O×OH×OW], unless it arrives batch last.
        var dyt = UnsafePointer(dy.data)
        if !dy.isBatchLast {
            let transposed = reuse(product, outChannels, cells)
            product = transposed
            BatchTranspose.toBatchLast(dy.data, batch: n, rowLength: outChannels * g.gridSize, into: transposed.data)
            dyt = UnsafePointer(transposed.data)
        }
        if needs.parameters {
            ChannelSums.add(dy.data, batch: n, channels: outChannels, plane: g.gridSize, batchLast: dy.isBatchLast,
                            into: bias.gradient.data, accumulate: needs.accumulate)
        }
        // The input gradient goes to dx, through dxt when the input came batch first.
        var dx: Tensor?, dxt: UnsafeMutablePointer<Float>?
        if needs.input {
            let gradient = reuse(gradInput, n, inChannels, g.height, g.width)
            gradInput = gradient
            gradient.isBatchLast = inputIsBatchLast
            dx = gradient
            dxt = gradient.data
            if !inputIsBatchLast {
                let transposed = reuse(batchLast, inChannels * g.planeSize, n)
                batchLast = transposed
                dxt = transposed.data
            }
        }
        if usedWinograd {
            winogradBackward(g, dyt, cols, needs, into: dxt)
        } else {
            im2colBackward(g, dyt, cols, needs, into: dxt)
        }
        if let dx, let dxt, !inputIsBatchLast {
            BatchTranspose.toBatchFirst(dxt, batch: n, rowLength: inChannels * g.planeSize, into: dx.data)
        }
        return dx
    }

    /// dW (+)= dyt · colsᵀ and, into dxt, col2im(Wᵀ · dyt).
    private func im2colBackward(_ g: ConvGeometry, _ dyt: UnsafePointer<Float>, _ cols: Tensor, _ needs: GradientNeeds,
                                into dxt: UnsafeMutablePointer<Float>?) {
        let k = g.columnRows, cells = g.gridSize * batch
        // dW[O × C·k·k] (+)= dyt[O × OH·OW·N] · colsᵀ[OH·OW·N × C·k·k]
        let weightGradient = BLAS.Product(transB: true, m: outChannels, n: k, k: cells, a: dyt, lda: cells,
                                          b: cols.data, ldb: cells, beta: needs.accumulate ? 1 : 0,
                                          c: weight.gradient.data, ldc: k)
        guard let dxt else {
            BLAS.runGradients(weight: weightGradient, input: nil, needs: needs)
            return
        }
        let dcols = reuse(gradColumns, k, cells)
        gradColumns = dcols
        // dcols[C·k·k × OH·OW·N] = Wᵀ[C·k·k × O] · dyt[O × OH·OW·N]
        let columnGradient = BLAS.Product(transA: true, m: k, n: cells, k: outChannels, a: weight.value.data, lda: k,
                                          b: dyt, ldb: cells, c: dcols.data, ldc: cells)
        BLAS.runGradients(weight: weightGradient, input: columnGradient, needs: needs)
        g.col2im(dcols.data, batch: batch, into: dxt)
    }

    /// The same by Winograd: dU = dM · Vᵀ and dV = Uᵀ · dM (with dM from dyt, U from the weights
    /// as they are now), then dW (+)= dU's weights and dxt = dV's planes.
    private func winogradBackward(_ g: ConvGeometry, _ dyt: UnsafePointer<Float>, _ v: Tensor, _ needs: GradientNeeds,
                                  into dxt: UnsafeMutablePointer<Float>?) {
        let w = WinogradConvolution(geometry: g, gridChannels: outChannels, batch: batch)
        let dm = reuse(winogradGrid, 9, w.gridStride)
        let u = reuse(winogradWeights, 9, w.weightStride)
        let du = reuse(winogradWeightGradient, 9, w.weightStride)
        winogradGrid = dm; winogradWeights = u; winogradWeightGradient = du
        w.transformGridGradient(dyt, into: dm.data)
        let weightProducts = w.weightProducts(dm: dm.data, v: v.data, du: du.data)
        var dv: Tensor?
        if dxt != nil {
            dv = reuse(gradColumns, 9, w.planeStride)
            gradColumns = dv
            w.transformWeights(weight.value.data, into: u.data)
        }
        BLAS.runGradientBatches(weight: weightProducts, input: dv.map { w.planeProducts(u: u.data, dm: dm.data, dv: $0.data) },
                                needs: needs)
        if needs.parameters { w.weightGradient(du.data, beta: needs.accumulate ? 1 : 0, into: weight.gradient.data) }
        if let dv, let dxt { w.planes(fromTileGradient: dv.data, into: dxt) }
    }
}
