import Engine

/// One full GAN iteration on preallocated buffers: `dSteps` discriminator updates on a real and a
/// generated batch (G frozen), then one generator update through D (D frozen).
///
/// Only the gradients a phase needs are computed: D's step asks for no gradient of its input,
/// and G's step asks for none of D's parameters except on iterations that log D's gradient norm.
/// The generated batch of the last D step is reused for G's step, as in the reference loop.
///
/// When every layer of D treats samples independently (no batch normalisation, dropout or
/// minibatch discrimination), D's step sends the real and the generated batch through D as one
/// batch of twice the size: one forward and one backward with products twice as tall, and each
/// weight matrix read once instead of twice. Losses and gradients are those of two passes (up to
/// the order in which the two halves' contributions to a weight gradient are summed).
///
/// The first backward of each update writes the parameter gradients instead of adding to them,
/// and the optimizer updates each layer as soon as its backward is done, so no pass zeroes the
/// gradients and each layer's update finds its gradient in cache.
public final class GANStep {
    public let model: GANModel
    public let batchSize: Int
    let generatorOptimizer: Optimizer
    let discriminatorOptimizer: Optimizer
    let lossKind: LossKind
    let realTarget: Float
    let labelFlip: Float
    let freezeGenerator: Bool
    /// True when D's step runs real and generated samples as one batch.
    public let pairsDiscriminatorBatches: Bool
    /// True when the optimizer may update weights inside their gradient products (off: every
    /// gradient is stored first, to compare the two).
    let fusesUpdates: Bool

    private var rng: RandomGenerator
    private let noise: Tensor
    private let bce = BinaryCrossEntropyWithLogits()
    private var realTargets: [Float]
    private var fakeTargets: [Float]
    /// D's input when instance noise is on (x + ε); otherwise D reads the batch directly.
    private let noisyInput: Tensor
    /// D's input shape for one batch (kept: building it allocates).
    private let judgedShape: [Int]
    /// D's input for a paired step: the real batch's rows, then the generated batch's.
    private let pairedInput: Tensor
    /// G's output seen with D's input shape (packing is a reshape of the same memory).
    private var fakeViews = ViewCache()
    private var gradientViews = ViewCache()
    /// Each layer's parameters, listed once (a layer builds a new array on every `parameters` call).
    private let generatorLayerParameters: [[Parameter]]
    private let discriminatorLayerParameters: [[Parameter]]

    public convenience init(model: GANModel, config: RunConfig, batchSize: Int, rng: RandomGenerator) {
        self.init(model: model, config: config, batchSize: batchSize, rng: rng,
                  pairing: model.discriminator.isSampleIndependent)
    }

    /// `pairing` chooses the paired D step; it must be false when D mixes samples.
    init(model: GANModel, config: RunConfig, batchSize: Int, rng: RandomGenerator, pairing: Bool,
         fusingUpdates: Bool = true) {
        precondition(!pairing || model.discriminator.isSampleIndependent, "D mixes samples: its batches cannot be paired")
        self.model = model
        self.batchSize = batchSize
        generatorOptimizer = GANStep.optimizer(config.optimizer, model.generator.parameters)
        discriminatorOptimizer = GANStep.optimizer(config.dOptimizer, model.discriminator.parameters)
        lossKind = config.loss
        realTarget = Float(config.labelSmoothing)
        labelFlip = Float(config.labelFlip)
        freezeGenerator = config.freezeGenerator
        pairsDiscriminatorBatches = pairing
        fusesUpdates = fusingUpdates
        self.rng = rng
        noise = Tensor(shape: [batchSize, model.zDim])
        let judged = batchSize / model.pack
        realTargets = Array(repeating: realTarget, count: judged)
        fakeTargets = Array(repeating: 0, count: judged)
        judgedShape = model.discriminatorInputShape(batch: batchSize)
        noisyInput = Tensor(shape: judgedShape)
        pairedInput = Tensor(shape: pairsDiscriminatorBatches ? model.discriminatorInputShape(batch: 2 * batchSize) : [0])
        generatorLayerParameters = model.generator.layers.map(\.parameters)
        discriminatorLayerParameters = model.discriminator.layers.map(\.parameters)
    }

    static func optimizer(_ config: OptimizerConfig, _ parameters: [Parameter]) -> Optimizer {
        switch config.name {
        case .adam:
            return Adam(parameters: parameters, learningRate: Float(config.lr), beta1: Float(config.beta1),
                        beta2: Float(config.beta2), epsilon: Float(config.eps))
        case .sgd:
            return SGD(parameters: parameters, learningRate: Float(config.lr), momentum: Float(config.momentum))
        }
    }

    /// Runs one iteration. `nextReal` fills a real batch (shape [batchSize] + sample shape) for
    /// each D step; `instanceNoise` is the std of the noise added to D's inputs now. `detailed`
    /// iterations also measure gradient norms and batch statistics (for the metrics log).
    public func run(nextReal: () -> Tensor, dSteps: Int = 1, instanceNoise: Float = 0,
                    detailed: Bool = false) -> StepStatistics {
        var stats = StepStatistics()
        var fake: Tensor!
        for _ in 0..<dSteps {
            let real = nextReal()
            fake = generate()
            if detailed {
                (stats.realMean, stats.realStd) = meanAndStandardDeviation(real)
                (stats.fakeMean, stats.fakeStd) = meanAndStandardDeviation(fake)
            }
            drawTargets()
            discriminatorOptimizer.beginStep()
            if pairsDiscriminatorBatches {
                discriminatorStepPaired(real: real, fake: fake, instanceNoise: instanceNoise, detailed: detailed,
                                        stats: &stats)
            } else {
                discriminatorStepSeparate(real: real, fake: fake, instanceNoise: instanceNoise, stats: &stats)
            }
            if detailed { stats.gradNormDLoss = gradientNorm(model.discriminator.parameters) }
        }
        // G through the updated D, on the same generated batch.
        let logits = model.discriminator.forward(judged(fake, instanceNoise), training: true)
        stats.lossG = generatorLoss(logits)
        if freezeGenerator { return stats }
        // D's parameter gradients only for the log; written, so D's next step needs no zeroing.
        let needs = GradientNeeds(parameters: detailed, input: true, accumulate: false)
        guard let dJudged = model.discriminator.backward(bce.lastGradient, needs: needs) else {
            preconditionFailure("D returned no input gradient")
        }
        if detailed { stats.gradNormD = gradientNorm(model.discriminator.parameters) }
        generatorOptimizer.beginStep()
        let generatorNeeds = GradientNeeds.parametersOnly.overwriting.updating(with: consumer(generatorOptimizer, detailed))
        _ = model.generator.backward(asGeneratorOutput(dJudged, like: fake), needs: generatorNeeds) {
            updateLayer($0, of: generatorLayerParameters, generatorOptimizer)
        }
        if detailed { stats.gradNormG = gradientNorm(model.generator.parameters) }
        return stats
    }

    /// The optimizer, when it can update weights inside their gradient products: not on detailed
    /// iterations, whose gradient norms need the gradients stored.
    private func consumer(_ optimizer: Optimizer, _ detailed: Bool) -> GradientConsumer? {
        detailed || !fusesUpdates ? nil : optimizer as? GradientConsumer
    }

    /// Real and generated rows through D as one batch; each half's loss is averaged over its own rows.
    private func discriminatorStepPaired(real: Tensor, fake: Tensor, instanceNoise: Float, detailed: Bool,
                                         stats: inout StepStatistics) {
        let half = real.count
        precondition(fake.count == half && pairedInput.count == 2 * half, "paired D batch does not match")
        fill(pairedInput.data, from: real, instanceNoise)
        fill(pairedInput.data + half, from: fake, instanceNoise)
        let logits = model.discriminator.forward(pairedInput, training: true)
        let judged = realTargets.count
        stats.lossDReal = bce.loss(logits: logits, rows: 0..<judged, targets: realTargets)
        stats.lossDFake = bce.loss(logits: logits, rows: judged..<(2 * judged), targets: fakeTargets)
        stats.dReal = meanSigmoid(logits, rows: 0..<judged)
        stats.dFake = meanSigmoid(logits, rows: judged..<(2 * judged))
        // The only backward of D's step: weights may be updated inside their gradient products.
        let needs = GradientNeeds.parametersOnly.overwriting.updating(with: consumer(discriminatorOptimizer, detailed))
        _ = model.discriminator.backward(bce.lastGradient, needs: needs) {
            updateLayer($0, of: discriminatorLayerParameters, discriminatorOptimizer)
        }
    }

    /// D on the real batch, then on the generated one (G's output is not differentiated).
    private func discriminatorStepSeparate(real: Tensor, fake: Tensor, instanceNoise: Float, stats: inout StepStatistics) {
        let realLogits = model.discriminator.forward(judged(real, instanceNoise), training: true)
        stats.lossDReal = bce.loss(logits: realLogits, targets: realTargets)
        stats.dReal = meanSigmoid(realLogits, rows: 0..<realLogits.count)
        _ = model.discriminator.backward(bce.lastGradient, needs: GradientNeeds.parametersOnly.overwriting)
        let fakeLogits = model.discriminator.forward(judged(fake, instanceNoise), training: true)
        stats.lossDFake = bce.loss(logits: fakeLogits, targets: fakeTargets)
        stats.dFake = meanSigmoid(fakeLogits, rows: 0..<fakeLogits.count)
        _ = model.discriminator.backward(bce.lastGradient, needs: .parametersOnly) {
            updateLayer($0, of: discriminatorLayerParameters, discriminatorOptimizer)
        }
    }

    @inline(__always)
    private func updateLayer(_ index: Int, of layers: [[Parameter]], _ optimizer: Optimizer) {
        if !layers[index].isEmpty { optimizer.update(layers[index]) }
    }

    /// G(z) for fresh noise z ~ N(0, I), in training mode.
    private func generate() -> Tensor {
        rng.fillNormal(noise)
        return model.generator.forward(noise, training: true)
    }

    /// One-sided smoothing sets the real target; flipping swaps a sample's real/fake label.
    private func drawTargets() {
        for i in 0..<realTargets.count {
            let flip = labelFlip > 0 && rng.uniform() < labelFlip
            realTargets[i] = flip ? 0 : realTarget
            fakeTargets[i] = flip ? realTarget : 0
        }
    }

    /// The batch as D sees it: packed by reshaping, plus instance noise when asked.
    private func judged(_ batch: Tensor, _ noiseStd: Float) -> Tensor {
        let shape = batch.rows == batchSize ? judgedShape : model.discriminatorInputShape(batch: batch.rows)
        if noiseStd > 0 {
            noisyInput.reshape(shape)
            fill(noisyInput.data, from: batch, noiseStd)
            return noisyInput
        }
        if batch.shape == shape { return batch }
        return fakeViews.view(of: batch, shape: shape)
    }

    /// target[i] = batch[i] (+ noiseStd·ε with ε ~ N(0, 1) drawn in element order).
    private func fill(_ target: UnsafeMutablePointer<Float>, from batch: Tensor, _ noiseStd: Float) {
        if noiseStd > 0 {
            for i in 0..<batch.count { target[i] = batch.data[i] + noiseStd * rng.normal() }
        } else {
            target.update(from: batch.data, count: batch.count)
        }
    }

    /// D's input gradient viewed with G's output shape (the noise added to D's input passes it unchanged).
    private func asGeneratorOutput(_ gradient: Tensor, like output: Tensor) -> Tensor {
        if gradient.shape == output.shape { return gradient }
        return gradientViews.view(of: gradient, shape: output.shape)
    }

    /// Non-saturating: −log σ(D(G(z))) = BCE(·, 1). Minimax: log(1 − σ(D(G(z)))) = −BCE(·, 0).
    private func generatorLoss(_ logits: Tensor) -> Float {
        switch lossKind {
        case .nonSaturating:
            return bce.loss(logits: logits, target: 1)
        case .minimax:
            let loss = bce.loss(logits: logits, target: 0)
            let g = bce.lastGradient
            for i in 0..<g.count { g.data[i] = -g.data[i] }
            return -loss
        }
    }

    private func meanSigmoid(_ logits: Tensor, rows: Range<Int>) -> Float {
        var total: Float = 0
        for i in rows { total += BinaryCrossEntropyWithLogits.sigmoid(logits.data[i]) }
        return total / Float(rows.count)
    }
}
