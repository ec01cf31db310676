/// Batch normalisation (Ioffe & Szegedy), as PyTorch's BatchNorm1d / BatchNorm2d compute it.
///
/// `BatchNorm(features:)` takes x[N×F] with statistics per feature; `BatchNorm(channels:)` takes
/// x[N×C×H×W] with statistics per channel over N, H and W. Training mode normalises with the batch
/// mean and biased variance and moves the running statistics by `momentum` (the running variance
/// takes the unbiased batch variance, as PyTorch does); inference mode normalises with the
/// running statistics. y = γ · (x − mean) / √(var + ε) + β.
///
/// Work is split across threads by channel, never by batch, so every sum is computed in the same
/// order whatever the thread count.
public final class BatchNorm: LayoutAgnostic, Initializable {
    public let channels: Int
    public let momentum: Float
    public let epsilon: Float
    /// γ [C]
    public let scale: Parameter
    /// β [C]
    public let shift: Parameter
    /// [C], starts at 0.
    public let runningMean: Tensor
    /// [C], starts at 1.
    public let runningVariance: Tensor

    private let expectsImages: Bool
    // Statistics the last forward normalised with: the batch's in training, the running ones in inference. [C]
    private let mean: Tensor
    private let inverseStd: Tensor
    private var usedBatchStatistics = false
    // Backward's per-channel sums and coefficients: [3, C].
    private let backwardScratch: Tensor
    private var input: Tensor?
    private var output: Tensor?
    private var gradInput: Tensor?

    /// For x[N×F]: statistics per feature (BatchNorm1d).
    public convenience init(features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        self.init(channels: features, images: false, momentum: momentum, epsilon: epsilon)
    }

    /// For x[N×C×H×W]: statistics per channel (BatchNorm2d).
    public convenience init(channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        self.init(channels: channels, images: true, momentum: momentum, epsilon: epsilon)
    }

    private init(channels: Int, images: Bool, momentum: Float, epsilon: Float) {
        precondition(channels > 0, "BatchNorm needs at least one channel")
        self.channels = channels
        self.expectsImages = images
        self.momentum = momentum
        self.epsilon = epsilon
        scale = Parameter(name: "batchnorm.scale", shape: [channels], isWeight: true)
        shift = Parameter(name: "batchnorm.shift", shape: [channels], isWeight: false)
        runningMean = Tensor(shape: [channels])
        runningVariance = Tensor(shape: [channels])
        mean = Tensor(shape: [channels])
        inverseStd = Tensor(shape: [channels])
        backwardScratch = Tensor(shape: [3, channels])
        scale.value.fill(1)
        runningVariance.fill(1)
    }

    public var parameters: [Parameter] { [scale, shift] }

    public func initialize(_ scheme: WeightInit, rng: inout RandomGenerator) {
        switch scheme {
        case .default: scale.value.fill(1)
        case .dcgan: rng.fillNormal(scale.value, mean: 1, std: 0.02)
        }
        shift.value.zero()
        runningMean.zero()
        runningVariance.fill(1)
    }

    /// Statistics per channel read any layout of images: batch last, channel c's spans of S lie
    /// one after another from c·N·S (`Pass.span`), where row-major they lie C·S apart.
    public var worksBatchLast: Bool { expectsImages }

    /// The input seen as [N, C, S] with S the spatial size (1 for features).
    private func dimensions(_ x: Tensor) -> (batch: Int, spatial: Int) {
        let shape = x.shape
        if expectsImages {
            precondition(shape.count == 4 && shape[1] == channels,
                         "BatchNorm(channels: \(channels)) expects N×\(channels)×H×W, got \(shape)")
            return (shape[0], shape[2] * shape[3])
        }
        precondition(!x.isBatchLast, "BatchNorm(features:) reads row-major input")
        precondition(shape.count == 2 && shape[1] == channels,
                     "BatchNorm(features: \(channels)) expects N×\(channels), got \(shape)")
        return (shape[0], 1)
    }

    /// The arguments of one pass over the channels, handed to the pool without a closure (a
    /// closure shared with another thread is a heap allocation on every call).
    private struct Pass {
        var layer: Unmanaged<BatchNorm>
        var backward: Bool
        /// The layer's input x[N×C] or x[N×C×S].
        var x: UnsafePointer<Float>
        /// Backward: dy.
        var gradient: UnsafePointer<Float>?
        /// Forward: y. Backward: dx, or nil when not asked for.
        var target: UnsafeMutablePointer<Float>?
        var batch: Int
        var spatial: Int
        /// The images are stored batch last ([C × S·N]) rather than [N × C × S].
        var batchLast = false
        /// Forward: normalise with the batch's statistics. Backward: they were used.
        var batchStatistics: Bool
        var wantsParameters = false
        var accumulate = true
        var parts = 1

        /// Offset of image `image`'s span of S values of channel `channel`.
        @inline(__always)
        func span(_ image: Int, _ channel: Int, channels: Int) -> Int {
            batchLast ? (channel * batch + image) * spatial : (image * channels + channel) * spatial
        }

        static let task: ComputePool.Task = { raw, part in
            let pass = raw.assumingMemoryBound(to: Pass.self).pointee
            guard part < pass.parts else { return }
            pass.layer._withUnsafeGuaranteedRef { layer in
                let range = ComputePool.range(part: part, of: pass.parts, count: layer.channels,
                                              alignment: pass.spatial == 1 ? 16 : 1)
                if !range.isEmpty { layer.run(pass, channels: range) }
            }
        }
    }

    /// Runs a pass on ranges of channels, each part at least ~8k elements; feature ranges are
    /// multiples of 16 so two threads never write the same cache line of a row.
    private func run(_ pass: Pass) {
        let pool = ComputePool.shared
        var pass = pass
        pass.parts = min(pool.threadCount, max(1, channels / max(1, 8_192 / max(pass.batch * pass.spatial, 1))))
        if pass.parts <= 1 { run(pass, channels: 0..<channels); return }
        withUnsafeMutablePointer(to: &pass) { pool.run(Pass.task, arguments: $0) }
    }

    private func run(_ pass: Pass, channels range: Range<Int>) {
        if pass.backward { backward(pass, channels: range) } else { forward(pass, channels: range) }
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        let (n, s) = dimensions(x)
        let m = n * s
        let y = reuse(output, shape: x.shape)
        output = y
        y.isBatchLast = x.isBatchLast
        input = x
        usedBatchStatistics = training
        if training { precondition(m > 1, "BatchNorm in training needs more than one value per channel, got \(x.shape)") }
        run(Pass(layer: Unmanaged.passUnretained(self), backward: false, x: x.data, gradient: nil, target: y.data,
                 batch: n, spatial: s, batchLast: x.isBatchLast, batchStatistics: training))
        return y
    }

    private func forward(_ pass: Pass, channels range: Range<Int>) {
        let n = pass.batch, s = pass.spatial, c = channels, m = n * s
        let src = pass.x, dst = pass.target!
        let mu = mean.data, invStd = inverseStd.data
        let gamma = scale.value.data, beta = shift.value.data
        let runMean = runningMean.data, runVar = runningVariance.data
        let eps = epsilon, momentum = self.momentum
        let unbiasing = m > 1 ? Float(m) / Float(m - 1) : 1
        if pass.batchStatistics {
            if s == 1 {
                Self.featureStatistics(src, rows: n, width: c, range, mean: mu, variance: invStd)
            } else {
                Self.channelStatistics(src, pass, channels: c, range, mean: mu, variance: invStd)
            }
            for ch in range {
                let variance = invStd[ch]
                runMean[ch] = (1 - momentum) * runMean[ch] + momentum * mu[ch]
                runVar[ch] = (1 - momentum) * runVar[ch] + momentum * variance * unbiasing
                invStd[ch] = 1 / (variance + eps).squareRoot()
            }
        } else {
            for ch in range {
                mu[ch] = runMean[ch]
                invStd[ch] = 1 / (runVar[ch] + eps).squareRoot()
            }
        }
        // y = x · (γ·invStd) + (β − mean·γ·invStd), per channel.
        if s == 1 {
            for row in 0..<n {
                let xr = src + row * c, yr = dst + row * c
                for ch in range {
                    let a = gamma[ch] * invStd[ch]
                    yr[ch] = xr[ch] * a + (beta[ch] - mu[ch] * a)
                }
            }
        } else {
            for ch in range {
                let a = gamma[ch] * invStd[ch], b = beta[ch] - mu[ch] * a
                for image in 0..<n {
                    let offset = pass.span(image, ch, channels: c)
                    let xs = src + offset, ys = dst + offset
                    for i in 0..<s { ys[i] = xs[i] * a + b }
                }
            }
        }
    }

    /// With batch statistics, dx = γ·invStd · (dy − mean(dy) − x̂ · mean(dy·x̂)) (the batch mean and
    /// variance depend on x); with running statistics dx = γ·invStd · dy.
    /// dγ = Σ dy·x̂, dβ = Σ dy, where x̂ = (x − mean)·invStd.
    public func backward(_ dy: Tensor, needs: GradientNeeds) -> Tensor? {
        guard let x = input else { preconditionFailure("BatchNorm.backward before forward") }
        precondition(dy.shape == x.shape && dy.isBatchLast == x.isBatchLast,
                     "BatchNorm.backward: gradient \(dy.shape) for output \(x.shape), or in another layout")
        guard needs.parameters || needs.input else { return nil }
        let (n, s) = dimensions(x)
        var dx: Tensor?
        if needs.input {
            dx = reuse(gradInput, shape: x.shape)
            dx?.isBatchLast = x.isBatchLast
            gradInput = dx
        }
        run(Pass(layer: Unmanaged.passUnretained(self), backward: true, x: x.data, gradient: dy.data, target: dx?.data,
                 batch: n, spatial: s, batchLast: x.isBatchLast, batchStatistics: usedBatchStatistics,
                 wantsParameters: needs.parameters,
                 accumulate: needs.accumulate))
        return dx
    }

    private func backward(_ pass: Pass, channels range: Range<Int>) {
        let n = pass.batch, s = pass.spatial, c = channels, m = Float(n * s)
        let src = pass.x, g = pass.gradient!, dst = pass.target
        let mu = mean.data, invStd = inverseStd.data
        let gamma = scale.value.data
        let dGamma = scale.gradient.data, dBeta = shift.gradient.data
        let batchStatistics = pass.batchStatistics, wantsParameters = pass.wantsParameters, accumulate = pass.accumulate
        let sumGrad = backwardScratch.data, sumCentred = sumGrad + c, offsetTerm = sumCentred + c

        // Per channel: Σdy and Σdy·(x − mean), then the coefficients k, e, f of dx.
        if s == 1 {
            for ch in range { sumGrad[ch] = 0; sumCentred[ch] = 0 }
            for row in 0..<n {
                let gr = g + row * c, xr = src + row * c
                for ch in range {
                    sumGrad[ch] += gr[ch]
                    sumCentred[ch] += gr[ch] * (xr[ch] - mu[ch])
                }
            }
        } else {
            for ch in range {
                var total: Double = 0, centred: Double = 0
                for image in 0..<n {
                    let offset = pass.span(image, ch, channels: c)
                    total += Double(SpanSums.sum(g + offset, s))
                    centred += Double(SpanSums.centredProducts(g + offset, src + offset, s, centre: mu[ch]))
                }
                sumGrad[ch] = Float(total)
                sumCentred[ch] = Float(centred)
            }
        }
        if wantsParameters {
            for ch in range {
                let gammaPart = sumCentred[ch] * invStd[ch], betaPart = sumGrad[ch]
                dGamma[ch] = accumulate ? dGamma[ch] + gammaPart : gammaPart
                dBeta[ch] = accumulate ? dBeta[ch] + betaPart : betaPart
            }
        }
        guard let dst else { return }
        // dx = dy·k + x·e + f with k = γ·invStd and, for batch statistics only,
        // e = −k·invStd²·Σdy(x−mean)/M and f = −k·Σdy/M − e·mean. The sums' slots are reused.
        let k = sumGrad, e = sumCentred, f = offsetTerm
        for ch in range {
            let kc = gamma[ch] * invStd[ch]
            let ec = batchStatistics ? -kc * invStd[ch] * invStd[ch] * sumCentred[ch] / m : 0
            f[ch] = batchStatistics ? -kc * sumGrad[ch] / m - ec * mu[ch] : 0
            k[ch] = kc
            e[ch] = ec
        }
        if s == 1 {
            for row in 0..<n {
                let gr = g + row * c, xr = src + row * c, dr = dst + row * c
                for ch in range { dr[ch] = gr[ch] * k[ch] + xr[ch] * e[ch] + f[ch] }
            }
        } else {
            for ch in range {
                let kc = k[ch], ec = e[ch], fc = f[ch]
                for image in 0..<n {
                    let offset = pass.span(image, ch, channels: c)
                    let gs = g + offset, xs = src + offset, ds = dst + offset
                    for i in 0..<s { ds[i] = gs[i] * kc + xs[i] * ec + fc }
                }
            }
        }
    }

    public func outputShape(inputShape: [Int]) -> [Int] { inputShape }

    /// Batch statistics mix the samples of a batch.
    public var isSampleIndependent: Bool { false }

    /// Mean and biased variance per feature of x[rows×width], for features in `range`.
    @inline(__always)
    private static func featureStatistics(_ x: UnsafePointer<Float>, rows: Int, width: Int, _ range: Range<Int>,
                                          mean: UnsafeMutablePointer<Float>, variance: UnsafeMutablePointer<Float>) {
        for f in range { mean[f] = 0; variance[f] = 0 }
        for row in 0..<rows {
            let xr = x + row * width
            for f in range { mean[f] += xr[f] }
        }
        for f in range { mean[f] /= Float(rows) }
        for row in 0..<rows {
            let xr = x + row * width
            for f in range { let d = xr[f] - mean[f]; variance[f] += d * d }
        }
        for f in range { variance[f] /= Float(rows) }
    }

    /// Mean and biased variance per channel of the pass's images, for channels in `range`;
    /// float sums per span, double across the batch.
    @inline(__always)
    private static func channelStatistics(_ x: UnsafePointer<Float>, _ pass: Pass, channels: Int, _ range: Range<Int>,
                                          mean: UnsafeMutablePointer<Float>, variance: UnsafeMutablePointer<Float>) {
        let batch = pass.batch, spatial = pass.spatial
        let count = Double(batch * spatial)
        for ch in range {
            var total: Double = 0
            for image in 0..<batch { total += Double(SpanSums.sum(x + pass.span(image, ch, channels: channels), spatial)) }
            let mu = Float(total / count)
            var squares: Double = 0
            for image in 0..<batch {
                squares += Double(SpanSums.squaredDeviations(x + pass.span(image, ch, channels: channels), spatial,
                                                             from: mu))
            }
            mean[ch] = mu
            variance[ch] = Float(squares / count)
        }
    }
}
