import Engine

/// One full GAN iteration on preallocated buffers: `dSteps` discriminator updates on a real and a
/// generated batch (G frozen), then one generator update through D (D frozen). The losses and
/// their gradients come from the run's `AdversarialLoss` (`loss:`).
///
/// With PacGAN packing m, D makes `batchSize` decisions per step, each on m samples: G draws
/// m·`batchSize` samples and the real batch holds as many (PacGAN's code, m noise batches).
///
/// A frozen generator is never updated, but on detailed iterations G's loss is still
/// differentiated through D into G, so the gradient norms say what G would have been told.
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
    /// D's decisions per step (packs when packing).
    public let batchSize: Int
    /// Samples G generates and real samples D reads per step: `batchSize × pack`.
    public let samplesPerStep: Int
    let generatorOptimizer: Optimizer
    let discriminatorOptimizer: Optimizer
    let loss: AdversarialLoss
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
    /// ∂loss/∂logits for one batch of D's decisions, and for the paired real + generated batch.
    private let judgedGradient: Tensor
    private let pairedGradient: Tensor
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

    /// `batchSize` is D's decisions per step (`config.batchSize`); the real batches `run` reads
    /// hold `batchSize × pack` samples.
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
        samplesPerStep = batchSize * model.pack
        generatorOptimizer = GANStep.optimizer(config.optimizer, model.generator.parameters)
        discriminatorOptimizer = GANStep.optimizer(config.dOptimizer, model.discriminator.parameters)
        loss = GANStep.loss(config.loss)
        realTarget = Float(config.labelSmoothing)
        labelFlip = Float(config.labelFlip)
        freezeGenerator = config.freezeGenerator
        pairsDiscriminatorBatches = pairing
        fusesUpdates = fusingUpdates
        self.rng = rng
        noise = Tensor(shape: [samplesPerStep, model.zDim])
        realTargets = Array(repeating: realTarget, count: batchSize)
        fakeTargets = Array(repeating: 0, count: batchSize)
        judgedShape = model.discriminatorInputShape(batch: samplesPerStep)
        noisyInput = Tensor(shape: judgedShape)
        pairedInput = Tensor(shape: pairsDiscriminatorBatches ? model.discriminatorInputShape(batch: 2 * samplesPerStep) : [0])
        judgedGradient = Tensor(shape: model.discriminator.outputShape(inputShape: judgedShape))
        pairedGradient = Tensor(shape: model.discriminator.outputShape(
            inputShape: model.discriminatorInputShape(batch: 2 * samplesPerStep)))
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

    /// The loss named by `loss:`, as `optimizer(_:_:)` builds the optimizer named by `optimizer:`.
    static func loss(_ kind: LossKind) -> AdversarialLoss {
        switch kind {
        case .nonSaturating: return CrossEntropyGANLoss(minimax: false)
        case .minimax: return CrossEntropyGANLoss(minimax: true)
        case .leastSquares: return LeastSquaresGANLoss()
        case .hinge: return HingeGANLoss()
        }
    }

    /// `steps` discriminator updates on real batches against G's samples, G untouched
    /// (`pretrain_d`); statistics of the last one.
    public func pretrainDiscriminator(steps: Int, nextReal: () -> Tensor, instanceNoise: Float = 0) -> StepStatistics {
        var stats = StepStatistics()
        for _ in 0..<steps { discriminatorStep(real: nextReal(), fake: generate(), instanceNoise: instanceNoise,
                                               detailed: false, stats: &stats) }
        return stats
    }

    /// Runs one iteration. `nextReal` fills a real batch (shape [samplesPerStep] + sample shape) for
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
            discriminatorStep(real: real, fake: fake, instanceNoise: instanceNoise, detailed: detailed, stats: &stats)
            if detailed { stats.gradNormDLoss = gradientNorm(model.discriminator.parameters) }
        }
        // G through the updated D, on the same generated batch.
        let logits = model.discriminator.forward(judged(fake, instanceNoise), training: true)
        stats.lossG = loss.generatorLoss(logits: logits, gradient: judgedGradient)
        // A frozen G still measures on detailed iterations: the same gradients, never applied.
        let updating = !freezeGenerator
        if !updating && !detailed { return stats }
        // D's parameter gradients only for the log; written, so D's next step needs no zeroing.
        let needs = GradientNeeds(parameters: detailed, input: true, accumulate: false)
        guard let dJudged = model.discriminator.backward(judgedGradient, needs: needs) else {
            preconditionFailure("D returned no input gradient")
        }
        if detailed { stats.gradNormD = gradientNorm(model.discriminator.parameters) }
        if updating { generatorOptimizer.beginStep() }
        let updater = updating ? consumer(generatorOptimizer, detailed) : nil
        let generatorNeeds = GradientNeeds.parametersOnly.overwriting.updating(with: updater)
        _ = model.generator.backward(asGeneratorOutput(dJudged, like: fake), needs: generatorNeeds) {
            if updating { updateLayer($0, of: generatorLayerParameters, generatorOptimizer) }
        }
        if detailed { stats.gradNormG = gradientNorm(model.generator.parameters) }
        return stats
    }

    /// One update of D on a real and a generated batch (fresh targets drawn).
    private func discriminatorStep(real: Tensor, fake: Tensor, instanceNoise: Float, detailed: Bool,
                                   stats: inout StepStatistics) {
        drawTargets()
        discriminatorOptimizer.beginStep()
        if pairsDiscriminatorBatches {
            discriminatorStepPaired(real: real, fake: fake, instanceNoise: instanceNoise, detailed: detailed,
                                    stats: &stats)
        } else {
            discriminatorStepSeparate(real: real, fake: fake, instanceNoise: instanceNoise, stats: &stats)
        }
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
        stats.lossDReal = loss.discriminatorLoss(logits: logits, rows: 0..<judged, targets: realTargets,
                                                 gradient: pairedGradient)
        stats.lossDFake = loss.discriminatorLoss(logits: logits, rows: judged..<(2 * judged), targets: fakeTargets,
                                                 gradient: pairedGradient)
        stats.dReal = meanSigmoid(logits, rows: 0..<judged)
        stats.dFake = meanSigmoid(logits, rows: judged..<(2 * judged))
        // The only backward of D's step: weights may be updated inside their gradient products.
        let needs = GradientNeeds.parametersOnly.overwriting.updating(with: consumer(discriminatorOptimizer, detailed))
        _ = model.discriminator.backward(pairedGradient, needs: needs) {
            updateLayer($0, of: discriminatorLayerParameters, discriminatorOptimizer)
        }
    }

    /// D on the real batch, then on the generated one (G's output is not differentiated).
    private func discriminatorStepSeparate(real: Tensor, fake: Tensor, instanceNoise: Float, stats: inout StepStatistics) {
        let realLogits = model.discriminator.forward(judged(real, instanceNoise), training: true)
        stats.lossDReal = loss.discriminatorLoss(logits: realLogits, targets: realTargets, gradient: judgedGradient)
        stats.dReal = meanSigmoid(realLogits, rows: 0..<realLogits.count)
        _ = model.discriminator.backward(judgedGradient, needs: GradientNeeds.parametersOnly.overwriting)
        let fakeLogits = model.discriminator.forward(judged(fake, instanceNoise), training: true)
        stats.lossDFake = loss.discriminatorLoss(logits: fakeLogits, targets: fakeTargets, gradient: judgedGradient)
        stats.dFake = meanSigmoid(fakeLogits, rows: 0..<fakeLogits.count)
        _ = model.discriminator.backward(judgedGradient, needs: .parametersOnly) {
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
        let shape = batch.rows == samplesPerStep ? judgedShape : model.discriminatorInputShape(batch: batch.rows)
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

    private func meanSigmoid(_ logits: Tensor, rows: Range<Int>) -> Float {
        var total: Float = 0
        for i in rows { total += BinaryCrossEntropyWithLogits.sigmoid(logits.data[i]) }
        return total / Float(rows.count)
    }
}
