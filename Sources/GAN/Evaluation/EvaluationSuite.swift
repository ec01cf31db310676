import Engine
import Foundation

/// The evaluation of one run: the metrics of its dataset, measured at every snapshot on
/// `snapshotSamples` generated samples and at the end on `finalSamples`, into a per-snapshot
/// table; for image runs also a latent grid at every snapshot and `latent_churn`.
///
/// Images: D's verdicts, and with a classifier `fcd`, the class statistics and the churn.
/// 2-D mixtures: D's verdicts and the mixture's numbers, on 2,500 samples throughout.
/// The generated samples come from one fixed noise set (its own seed stream, so evaluating
/// changes nothing of training); a snapshot measures the first `snapshotSamples` of it.
public final class EvaluationSuite {
    public let dataset: Dataset
    public let classifier: Classifier?
    public let mixture: GaussianMixture?
    /// Settable before the run starts only, by tests that need a quick evaluation.
    public internal(set) var snapshotSamples: Int
    public internal(set) var finalSamples: Int
    /// Display grid (latent-N.png) and the finer grid whose predicted classes give the churn.
    public static let displayGrid = 10
    public static let churnGrid = 24

    public private(set) var table = EvaluationTable()
    /// The display latent grid at every evaluated iteration (image runs).
    public private(set) var latentFrames: [Snapshot] = []
    /// Wall time spent evaluating, for the share of training it costs.
    public private(set) var seconds: Double = 0

    private let real: Snapshot?
    private var metrics: [SnapshotMetric] = []
    private var noise: Tensor?
    private var previousClasses: [Int]?
    private var churnCurve: [(iteration: Int, churn: Double)] = []

    /// - Parameters:
    ///   - classifier: the dataset's classifier (image runs); without it only D's verdicts and
    ///     the latent grids are measured.
    ///   - testSplit: the real reference of the classifier's metrics (its statistics are the
    ///     target of `fcd`).
    public init(dataset: Dataset, classifier: Classifier? = nil, testSplit: Dataset? = nil,
                mixture: GaussianMixture? = nil) {
        self.dataset = dataset
        self.classifier = dataset.isImage ? classifier : nil
        self.mixture = dataset.isImage ? nil : (mixture ?? dataset.mixture)
        snapshotSamples = dataset.isImage ? 2_000 : 2_500
        finalSamples = dataset.isImage ? 10_000 : 2_500
        if let testSplit, self.classifier != nil {
            real = EvaluationSuite.snapshot(of: testSplit, indices: Array(0..<testSplit.count))
        } else {
            real = nil
        }
        if let classifier = self.classifier, real != nil { metrics.append(ClassifierMetrics(classifier: classifier)) }
        if let mixture = self.mixture { metrics.append(MixtureMetrics(mixture: mixture)) }
    }

    /// Evaluates the generator at `iteration`: a snapshot's measure, or with `final` the
    /// end-of-run one (returned: the numbers of eval.json).
    @discardableResult
    func evaluate(_ model: GANModel, _ sampler: BatchSampler, config: RunConfig, iteration: Int, total: Int,
                  final: Bool) -> [String: Double] {
        let start = Date()
        defer { seconds += Date().timeIntervalSince(start) }
        prepare(model, sampler, config: config)
        let count = final ? finalSamples : snapshotSamples
        let generated = generate(model, sampler, noise: noise!, count: count)
        var values: [String: Double] = [:]
        for metric in metrics {
            for (key, value) in metric.measure(generated: generated, real: real ?? generated) { values[key] = value }
        }
        if dataset.isImage { values.merge(latent(model, sampler, iteration: iteration), uniquingKeysWith: { $1 }) }
        table.append(.init(iteration: iteration, samples: count, values: values))
        if final, classifier != nil {
            values[EvaluationKey.latentChurn] = LatentChurn.secondHalfMean(churnCurve, total: total)
        }
        return values
    }

    private func prepare(_ model: GANModel, _ sampler: BatchSampler, config: RunConfig) {
        guard noise == nil else { return }
        var rng = RandomGenerator(seed: UInt64(config.seed) ^ 0xE7A1_5EED_0000_0001)
        let z = Tensor(shape: [finalSamples, config.zDim])
        rng.fillNormal(z)
        noise = z
        var pick = rng.split()
        let indices = (0..<finalSamples).map { _ in pick.integer(below: dataset.count) }
        let (scale, shift) = sampler.displayToModel
        metrics.insert(DiscriminatorVerdicts(model: model, batchSize: config.batchSize, scale: scale, shift: shift,
                                             realSample: EvaluationSuite.snapshot(of: dataset, indices: indices)), at: 0)
    }

    /// G's output for the first `count` noise rows, in display scale (images clamped to [0, 1]).
    func generate(_ model: GANModel, _ sampler: BatchSampler, noise: Tensor, count: Int) -> Snapshot {
        let size = model.sampleSize
        var values = [Float](repeating: 0, count: count * size)
        let chunk = 500
        var start = 0
        while start < count {
            let rows = min(chunk, count - start)
            let z = Tensor(shape: [rows, noise.shape[1]])
            z.data.update(from: noise.data + start * noise.shape[1], count: rows * noise.shape[1])
            let out = model.generator.forward(z, training: false)
            for i in 0..<(rows * size) {
                let v = sampler.toDisplay(out.data[i])
                values[start * size + i] = dataset.isImage ? min(max(v, 0), 1) : v
            }
            start += rows
        }
        return Snapshot(iteration: 0, count: count, sampleShape: model.sampleShape, values: values)
    }

    /// The display grid (kept) and, with a classifier, the churn since the last snapshot.
    private func latent(_ model: GANModel, _ sampler: BatchSampler, iteration: Int) -> [String: Double] {
        let display = LatentGrid(side: EvaluationSuite.displayGrid, zDim: model.zDim)
        var frame = generate(model, sampler, noise: display.noise, count: display.side * display.side)
        frame.iteration = iteration
        latentFrames.append(frame)
        guard let classifier else { return [:] }
        let grid = LatentGrid(side: EvaluationSuite.churnGrid, zDim: model.zDim)
        let cells = grid.side * grid.side
        let images = generate(model, sampler, noise: grid.noise, count: cells)
        let p = classifier.measure(images.values, count: cells).probabilities
        let classes = (0..<cells).map { Classifier.argmax(p, row: $0) }
        defer { previousClasses = classes }
        guard let previous = previousClasses else { return [EvaluationKey.latentChurn: .nan] }
        let churn = LatentChurn.share(previous, classes)
        churnCurve.append((iteration, churn))
        return [EvaluationKey.latentChurn: churn]
    }

    /// Examples of `dataset` at `indices`, in display scale.
    static func snapshot(of dataset: Dataset, indices: [Int]) -> Snapshot {
        let size = dataset.sampleSize
        var values = [Float](repeating: 0, count: indices.count * size)
        values.withUnsafeMutableBufferPointer { buffer in
            for (row, index) in indices.enumerated() {
                dataset.write(example: index, to: buffer.baseAddress! + row * size, scale: 1, shift: 0)
            }
        }
        return Snapshot(iteration: 0, count: indices.count, sampleShape: dataset.sampleShape, values: values)
    }
}
