import Engine

/// One training run, fully resolved: every hashed key of the `gan` directive (and of
/// `ganbook train CONFIG.yaml`) with its default filled in and its value validated. Display-only
/// keys are not part of it: the caller decodes them (`decode(yaml:…:handledKeys:)`).
///
/// Build one with `RunConfig.decode(yaml:file:firstLine:)` or `RunConfig.load(file:)`;
/// `init(dataset:model:)` gives the defaults. The YAML key of each property is in its comment.
/// Defaults that depend on the model or dataset are listed on `GeneratorConfig`,
/// `DiscriminatorConfig` and below.
public struct RunConfig: Equatable, Sendable {
    /// `dataset`: mnist (default), fashion-mnist, ring8 or grid25; a mixture may be written as a
    /// mapping with its geometry, `{name: ring8, radius: 1, std: 0.01}`.
    public var dataset: DatasetName
    /// The mixture's geometry (`dataset: {radius, spacing, std}`); nil for image datasets.
    public var mixture: MixtureGeometry?
    /// `subset`: train on the first N examples (after `classes`); nil = all. Images only.
    public var subset: Int?
    /// `classes`: keep only these labels (digits 0-9), sorted; nil = all ten. Images only.
    public var classes: [Int]?
    /// `model`: mlp, dcgan or mlp2d. Default mlp for images, mlp2d for ring8 and grid25;
    /// mlp and dcgan need an image dataset, mlp2d a 2-D one.
    public var model: ModelKind
    /// `generator`: G's architecture; defaults from the model.
    public var generator: GeneratorConfig
    /// `discriminator`: D's architecture; defaults from the model.
    public var discriminator: DiscriminatorConfig
    /// `z_dim`: noise dimension, 1-1024. Default 100 for images, 2 for the 2-D mixtures.
    public var zDim: Int
    /// `loss`: the adversarial loss (G's and D's matching one): non-saturating (default),
    /// minimax, least-squares (LSGAN) or hinge.
    public var loss: LossKind
    /// `epochs` or `iterations` (at most one may be written). Default 20 epochs.
    public var length: TrainingLength
    /// `batch_size`: D's decisions per batch (samples when `pack` is 1), 1-4096. Default 64.
    public var batchSize: Int
    /// `optimizer`: G's optimizer (and D's unless `d_optimizer` is given). Default Adam
    /// lr 0.0002, β1 0.5, β2 0.999, eps 1e-8.
    public var optimizer: OptimizerConfig
    /// `d_optimizer`: D's optimizer. Keys not written are taken from `optimizer` (from the
    /// defaults of the algorithm when it names a different one); always filled in.
    public var dOptimizer: OptimizerConfig
    /// `init`: weight initialisation, default or dcgan.
    public var weightInit: WeightInit
    /// `d_steps`: discriminator steps per generator step, 1-100. Default 1.
    public var dSteps: Int
    /// `label_smoothing`: target for real examples in D's loss, 0 < t ≤ 1 (one-sided label
    /// smoothing uses 0.9). Default 1.
    public var labelSmoothing: Double
    /// `label_flip`: probability of swapping real and fake labels in D's loss, 0 ≤ p ≤ 0.5.
    /// Default 0.
    public var labelFlip: Double
    /// `instance_noise`: initial std of Gaussian noise added to D's inputs (real and fake),
    /// annealed linearly to 0 over the run; ≥ 0. Default 0.
    public var instanceNoise: Double
    /// `pack`: PacGAN packing, D judges `pack` samples at once, 1-16; D still makes `batch_size`
    /// decisions per step, so G draws `batch_size × pack` samples (PacGAN's code). Default 1.
    public var pack: Int
    /// `pretrain_d`: discriminator steps on real vs untrained-G samples before the game starts,
    /// 0-100000. Default 0.
    public var pretrainD: Int
    /// `freeze_generator`: G is never updated (D trains alone); logged iterations still compute
    /// G's loss and its gradients, without applying them. Default false.
    public var freezeGenerator: Bool
    /// `seed`: seed of the run's one RNG, ≥ 0. Default 1.
    public var seed: Int
    /// `log_every`: iterations between metrics rows (the last iteration is always logged), ≥ 1.
    /// Default 50.
    public var logEvery: Int
    /// `snapshots`: sample grids kept for the evolution strip, evenly spaced with the final one
    /// included, 1-100. Default 10.
    public var snapshots: Int
    /// `precision`: the number format of the training steps' matrix products, fp32 (default) or
    /// bf16 (operands rounded to bf16, sums in fp32; needs AVX512-BF16 to train). Master
    /// weights, batch-norm statistics, Adam, snapshots and evaluation stay fp32. Hashed only
    /// when bf16, so every fp32 run keeps the hash it had before the key existed.
    public var precision: Precision

    /// The defaults of a dataset and model (the model's default when nil).
    public init(dataset: DatasetName = .mnist, model: ModelKind? = nil) {
        let model = model ?? ModelKind.defaultModel(for: dataset)
        precondition(model.isImage == dataset.isImage, "model \(model.rawValue) cannot train on \(dataset.rawValue)")
        self.dataset = dataset
        self.mixture = MixtureGeometry.defaults(for: dataset)
        self.subset = nil
        self.classes = nil
        self.model = model
        self.generator = .defaults(for: model)
        self.discriminator = .defaults(for: model)
        self.zDim = dataset.isImage ? 100 : 2
        self.loss = .nonSaturating
        self.length = .defaultLength
        self.batchSize = 64
        self.optimizer = .adamDefault
        self.dOptimizer = .adamDefault
        self.weightInit = .default
        self.dSteps = 1
        self.labelSmoothing = 1
        self.labelFlip = 0
        self.instanceNoise = 0
        self.pack = 1
        self.pretrainD = 0
        self.freezeGenerator = false
        self.seed = 1
        self.logEvery = 50
        self.snapshots = 10
        self.precision = .fp32
    }

    /// Every top-level YAML key, in documentation order. Keys that only change how a run is shown
    /// (a page's `id`, `caption`, ...) belong to the caller, which names them when decoding.
    static let topLevelKeys = [
        "dataset", "subset", "classes", "model", "generator", "discriminator",
        "z_dim", "loss", "epochs", "iterations", "batch_size", "optimizer", "d_optimizer", "init",
        "d_steps", "label_smoothing", "label_flip", "instance_noise", "pack", "pretrain_d", "freeze_generator",
        "seed", "log_every", "snapshots", "precision",
    ]
}
