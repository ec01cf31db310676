import Engine

/// One full GAN iteration on preallocated buffers: `dSteps` discriminator updates on a real and a
/// generated batch (G frozen), then one generator update through D (D frozen).
///
/// Only the gradients a phase needs are computed: D's step asks for no gradient of its input,
/// and G's step asks for none of D's parameters except on iterations that log D's gradient norm.
/// The generated batch of the last D step is reused for G's step, as in the reference loop.
public final class GANStep {
    public let model: GANModel
    public let batchSize: Int
    let generatorOptimizer: Optimizer
    let discriminatorOptimizer: Optimizer
    let lossKind: LossKind
    let realTarget: Float
    let labelFlip: Float
    let freezeGenerator: Bool

    private var rng: RandomGenerator
    private let noise: Tensor
    private let bce = BinaryCrossEntropyWithLogits()
    private var realTargets: [Float]
    private var fakeTargets: [Float]
    /// D's input when instance noise is on (x + ε); otherwise D reads the batch directly.
    private let noisyInput: Tensor
    /// G's output seen with D's input shape (packing is a reshape of the same memory).
    private var fakeView: (source: ObjectIdentifier, view: Tensor)?
    private var gradientView: (source: ObjectIdentifier, view: Tensor)?

    public init(model: GANModel, config: RunConfig, batchSize: Int, rng: RandomGenerator) {
        self.model = model
        self.batchSize = batchSize
        generatorOptimizer = GANStep.optimizer(config.optimizer, model.generator.parameters)
        discriminatorOptimizer = GANStep.optimizer(config.dOptimizer, model.discriminator.parameters)
        lossKind = config.loss
        realTarget = Float(config.labelSmoothing)
        labelFlip = Float(config.labelFlip)
        freezeGenerator = config.freezeGenerator
        self.rng = rng
        noise = Tensor(shape: [batchSize, model.zDim])
        let judged = batchSize / model.pack
        realTargets = Array(repeating: realTarget, count: judged)
        fakeTargets = Array(repeating: 0, count: judged)
        noisyInput = Tensor(shape: model.discriminatorInputShape(batch: batchSize))
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
            // D on the real batch, then on the generated one (G's output is not differentiated).
            let realLogits = model.discriminator.forward(judged(real, instanceNoise), training: true)
            stats.lossDReal = bce.loss(logits: realLogits, targets: realTargets)
            stats.dReal = meanSigmoid(realLogits)
            _ = model.discriminator.backward(bce.lastGradient, needs: .parametersOnly)
            let fakeLogits = model.discriminator.forward(judged(fake, instanceNoise), training: true)
            stats.lossDFake = bce.loss(logits: fakeLogits, targets: fakeTargets)
            stats.dFake = meanSigmoid(fakeLogits)
            _ = model.discriminator.backward(bce.lastGradient, needs: .parametersOnly)
            if detailed { stats.gradNormDLoss = gradientNorm(model.discriminator.parameters) }
            discriminatorOptimizer.step()
        }
        // G through the updated D, on the same generated batch.
        let logits = model.discriminator.forward(judged(fake, instanceNoise), training: true)
        stats.lossG = generatorLoss(logits)
        if freezeGenerator { return stats }
        let needs = GradientNeeds(parameters: detailed, input: true)
        guard let dJudged = model.discriminator.backward(bce.lastGradient, needs: needs) else {
            preconditionFailure("D returned no input gradient")
        }
        if detailed {
            stats.gradNormD = gradientNorm(model.discriminator.parameters)
            discriminatorOptimizer.zeroGradients()
        }
        _ = model.generator.backward(asGeneratorOutput(dJudged, like: fake), needs: .parametersOnly)
        if detailed { stats.gradNormG = gradientNorm(model.generator.parameters) }
        generatorOptimizer.step()
        return stats
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
        let shape = model.discriminatorInputShape(batch: batch.rows)
        if noiseStd > 0 {
            noisyInput.reshape(shape)
            for i in 0..<batch.count { noisyInput.data[i] = batch.data[i] + noiseStd * rng.normal() }
            return noisyInput
        }
        if batch.shape == shape { return batch }
        return view(of: batch, shape: shape, cache: &fakeView)
    }

    /// D's input gradient viewed with G's output shape (the noise added to D's input passes it unchanged).
    private func asGeneratorOutput(_ gradient: Tensor, like output: Tensor) -> Tensor {
        if gradient.shape == output.shape { return gradient }
        return view(of: gradient, shape: output.shape, cache: &gradientView)
    }

    private func view(of tensor: Tensor, shape: [Int], cache: inout (source: ObjectIdentifier, view: Tensor)?) -> Tensor {
        if let cached = cache, cached.source == ObjectIdentifier(tensor), cached.view.shape == shape {
            return cached.view
        }
        let view = Tensor(viewing: tensor, shape: shape)
        cache = (ObjectIdentifier(tensor), view)
        return view
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

    private func meanSigmoid(_ logits: Tensor) -> Float {
        var total: Float = 0
        for i in 0..<logits.count { total += BinaryCrossEntropyWithLogits.sigmoid(logits.data[i]) }
        return total / Float(logits.count)
    }
}
