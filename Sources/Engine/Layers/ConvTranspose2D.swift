/// Transposed 2-D convolution (PyTorch's ConvTranspose2d), the adjoint of a Conv2D with the same
/// kernel, stride and padding: x[N×C×H×W] → y[N×O×OH×OW] with OH = (H − 1)·s − 2p + k + outputPadding.
/// Weights [C, O, k, k] as PyTorch lays them out, bias [O].
///
/// One GEMM per product over the whole batch: x is transposed batch-last (xt[C·H·W × N]),
/// cols[O·k·k × H·W·N] = Wᵀ · xt, col2im sums cols into yt[O·OH·OW × N], each channel starting from
/// its bias, and a transpose gives y. Backward: dcols = im2col(dyt), dW += xt · dcolsᵀ, dxt = W · dcols.
public final class ConvTranspose2D: Layer, Initializable {
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

    /// The convolution this layer is the adjoint of: planes are this layer's output, the grid its input.
    private var geometry: ConvGeometry?
    private var batch = 0
    private var output: Tensor?
    private var gradInput: Tensor?
    /// xt[C × H·W·N] of the last forward, kept for dW.
    private var inputBatchLast: Tensor?
    /// [O·k·k × H·W·N]: cols in forward, dcols in backward.
    private var columns: Tensor?
    /// [O·OH·OW × N]: yt in forward, dyt in backward.
    private var outputBatchLast: Tensor?
    /// dxt[C × H·W·N]
    private var gradInputBatchLast: Tensor?

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
        let xt = reuse(inputBatchLast, inChannels, cells)
        let cols = reuse(columns, k, cells)
        let yt = reuse(outputBatchLast, outChannels * g.planeSize, n)
        output = y; inputBatchLast = xt; columns = cols; outputBatchLast = yt

        BatchTranspose.toBatchLast(x.data, batch: n, rowLength: inChannels * g.gridSize, into: xt.data)
        // cols[O·k·k × H·W·N] = Wᵀ[O·k·k × C] · xt[C × H·W·N]
        BLAS.gemm(transA: true, m: k, n: cells, k: inChannels, a: weight.value.data, lda: k,
                  b: xt.data, ldb: cells, c: cols.data, ldc: cells)
        g.col2im(cols.data, batch: n, into: yt.data, initial: bias.value.data)
        BatchTranspose.toBatchFirst(yt.data, batch: n, rowLength: outChannels * g.planeSize, into: y.data)
        return y
    }

    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard let g = geometry, let xt = inputBatchLast, let dcols = columns, let dyt = outputBatchLast else {
            preconditionFailure("ConvTranspose2D.backward before forward")
        }
        let n = batch, k = g.columnRows, cells = g.gridSize * n
        precondition(dy.shape == [n, outChannels, g.height, g.width],
                     "ConvTranspose2D.backward: gradient \(dy.shape) for output \([n, outChannels, g.height, g.width])")
        guard needs.parameters || needs.input else { return nil }
        // dcols[O·k·k × H·W·N] ← im2col of dyt[O·OH·OW × N]
        BatchTranspose.toBatchLast(dy.data, batch: n, rowLength: outChannels * g.planeSize, into: dyt.data)
        g.im2col(dyt.data, batch: n, into: dcols.data)
        // dW[C × O·k·k] (+)= xt[C × H·W·N] · dcolsᵀ[H·W·N × O·k·k]
        let weightGradient = BLAS.Product(transB: true, m: inChannels, n: k, k: cells, a: xt.data, lda: cells,
                                          b: dcols.data, ldb: cells, beta: needs.accumulate ? 1 : 0,
                                          c: weight.gradient.data, ldc: k)
        if needs.parameters {
            ChannelSums.add(dy.data, batch: n, channels: outChannels, plane: g.planeSize, into: bias.gradient.data,
                            accumulate: needs.accumulate)
        }
        guard needs.input else {
            BLAS.runGradients(weight: weightGradient, input: nil, needs: needs)
            return nil
        }
        let dxt = reuse(gradInputBatchLast, inChannels, cells)
        let dx = reuse(gradInput, n, inChannels, g.outHeight, g.outWidth)
        gradInputBatchLast = dxt; gradInput = dx
        // dxt[C × H·W·N] = W[C × O·k·k] · dcols[O·k·k × H·W·N]
        let inputGradient = BLAS.Product(m: inChannels, n: cells, k: k, a: weight.value.data, lda: k, b: dcols.data,
                                         ldb: cells, c: dxt.data, ldc: cells)
        BLAS.runGradients(weight: weightGradient, input: inputGradient, needs: needs)
        BatchTranspose.toBatchFirst(dxt.data, batch: n, rowLength: inChannels * g.gridSize, into: dx.data)
        return dx
    }
}
