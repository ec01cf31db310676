import Engine
import Foundation

/// Trains one GAN run from its configuration and returns its results.
public enum Trainer {
    /// Samples in each image snapshot (an 8×8 grid) and in each 2-D scatter snapshot.
    static let gridSamples = 64
    static let pointSamples = 1000

    /// - Parameter evaluation: the dataset's evaluation suite (a classifier for image runs comes
    ///   with it); without one, only what needs no classifier is measured.
    public static func train(config: RunConfig, dataset: Dataset, threads: Int, evaluation: EvaluationSuite? = nil,
                             progress: ((TrainingProgress) -> Void)? = nil) throws -> TrainingResult {
        ComputePool.configure(threads: threads)
        KernelUsage.reset()
        try config.checkPrecision(file: "", line: nil)  // callers check earlier, with the file
        guard dataset.count >= config.samplesPerStep else {
            throw GANError(kind: .invalidValue, file: "", keyPath: "batch_size",
                           message: "batch_size × pack \(config.samplesPerStep) is larger than the \(dataset.count) training examples",
                           hint: "lower batch_size or raise subset")
        }
        // Separate streams so that, e.g., changing the snapshot count never changes training.
        var root = RandomGenerator(seed: UInt64(config.seed))
        var modelRNG = root.split()
        let dataRNG = root.split(), stepRNG = root.split()
        var sampleRNG = root.split()

        let model = ModelBuilder.build(config, sampleShape: dataset.sampleShape, rng: &modelRNG)
        let sampler = BatchSampler(dataset: dataset, batchSize: config.samplesPerStep, output: config.generator.output,
                                   rng: dataRNG)
        let step = GANStep(model: model, config: config, batchSize: config.batchSize, rng: stepRNG)
        let total = totalIterations(config, batchesPerEpoch: sampler.batchesPerEpoch)
        let points = !dataset.isImage
        let fixedNoise = Tensor(shape: [points ? pointSamples : gridSamples, config.zDim])
        sampleRNG.fillNormal(fixedNoise)
        let snapshotAt = snapshotIterations(total: total, count: config.snapshots)
        let suite = evaluation ?? EvaluationSuite(dataset: dataset)

        var log = MetricsLog()
        var snapshots: [Snapshot] = []
        var planeViews: [PlaneView] = []
        let planeExtent = dataset.mixture.map(PlaneFrame.extent(of:))
        if config.pretrainD > 0 {
            _ = BLAS.withPrecision(config.precision) {
                step.pretrainDiscriminator(steps: config.pretrainD, nextReal: sampler.next,
                                           instanceNoise: Float(config.instanceNoise))
            }
        }
        let clock = ProgressClock(total: total, report: progress)
        var imagesSeen = 0
        var divergedAt: Int?
        for iteration in 1...total {
            let detailed = iteration % config.logEvery == 0 || iteration == total || iteration == 1
            let noiseStd = Float(config.instanceNoise * (1 - Double(iteration - 1) / Double(total)))
            var stats = BLAS.withPrecision(config.precision) {
                step.run(nextReal: sampler.next, dSteps: config.dSteps, instanceNoise: noiseStd, detailed: detailed)
            }
            imagesSeen += config.samplesPerStep * config.dSteps
            // Past divergence every number is NaN: stop, keeping this iteration as the run's last
            // row and snapshot so the entry is complete.
            let diverged = Divergence.isDiverged(stats)
            if detailed {
                (stats.fakeMean, stats.fakeStd) = sampler.toDisplay(mean: stats.fakeMean, std: stats.fakeStd)
                (stats.realMean, stats.realStd) = sampler.toDisplay(mean: stats.realMean, std: stats.realStd)
            } else if diverged {
                stats = Divergence.markingUnmeasured(stats)
            }
            if detailed || diverged {
                log.append(.init(iteration: iteration, epoch: Double(imagesSeen) / Double(dataset.count),
                                 imagesSeen: imagesSeen, step: stats))
            }
            if snapshotAt.contains(iteration) || diverged {
                snapshots.append(snapshot(model, fixedNoise, sampler, iteration: iteration))
                if let planeExtent {
                    planeViews.append(PlaneViewProbe.measure(model: model, loss: step.loss, samples: fixedNoise,
                                                             extent: planeExtent, iteration: iteration,
                                                             detail: .forSnapshots(config.snapshots)))
                }
                // The last snapshot is measured by the end-of-run evaluation below.
                if iteration < total && !diverged {
                    suite.evaluate(model, sampler, config: config, iteration: iteration, total: total, final: false)
                }
            }
            clock.tick(iteration: iteration, epoch: Double(imagesSeen) / Double(dataset.count), stats: stats)
            if diverged {
                divergedAt = iteration
                break
            }
        }
        let trained = divergedAt ?? total
        var values = suite.evaluate(model, sampler, config: config, iteration: trained, total: total, final: true)
        if let divergedAt { values[Evaluation.divergedAtIteration] = Double(divergedAt) }
        let wall = clock.elapsed
        return TrainingResult(
            metrics: log, snapshots: snapshots,
            latentGrid: suite.latentFrames.last,
            realSample: realSample(dataset, count: fixedNoise.rows, rng: &sampleRNG),
            evaluation: values, iterations: trained, wallSeconds: wall,
            imagesPerSecond: Double(imagesSeen) / max(wall - suite.seconds, 1e-9), threads: threads,
            blasCore: BLASRuntime.coreName, kernels: .recorded(precision: config.precision),
            evaluationTable: suite.table, latentFrames: suite.latentFrames, evaluationSeconds: suite.seconds,
            classifier: suite.classifier, planeViews: planeViews)
    }

    static func totalIterations(_ config: RunConfig, batchesPerEpoch: Int) -> Int {
        switch config.length {
        case .epochs(let epochs): return max(1, epochs * batchesPerEpoch / config.dSteps)
        case .iterations(let iterations): return iterations
        }
    }

    /// `count` iterations evenly spread over the run, the last one included.
    public static func snapshotIterations(total: Int, count: Int) -> Set<Int> {
        Set((1...max(count, 1)).map { max(1, Int((Double($0) * Double(total) / Double(count)).rounded())) })
    }

    /// G's samples for the fixed noise, in inference mode (BatchNorm uses running statistics).
    static func snapshot(_ model: GANModel, _ noise: Tensor, _ sampler: BatchSampler, iteration: Int) -> Snapshot {
        let output = model.generator.forward(noise, training: false)
        let values = (0..<output.count).map { sampler.toDisplay(output.data[$0]) }
        return Snapshot(iteration: iteration, count: output.rows, sampleShape: model.sampleShape,
                        values: model.sampleShape.count == 3 ? values.map { min(max($0, 0), 1) } : values)
    }

    static func realSample(_ dataset: Dataset, count: Int, rng: inout RandomGenerator) -> Snapshot {
        let size = dataset.sampleSize
        var values: [Float] = []
        values.reserveCapacity(count * size)
        for _ in 0..<count {
            let index = rng.integer(below: dataset.count)
            values += dataset.example(index)
        }
        return Snapshot(iteration: 0, count: count, sampleShape: dataset.sampleShape, values: values)
    }
}
