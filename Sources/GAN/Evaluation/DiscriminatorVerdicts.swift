import Engine
import Foundation

/// `final_d_fake` and `final_d_real`: D's mean σ(D(·)) in inference mode over the whole
/// evaluation sample and over as many real training examples (drawn once, the same every call),
/// judged in batches of the run's batch size (packs of `pack` samples, as in training).
public final class DiscriminatorVerdicts: SnapshotMetric {
    let model: GANModel
    let batchSize: Int
    /// Display → model scale (images: [0, 1] → the generator's output range).
    let scale: Float, shift: Float
    /// Real training examples in display scale, drawn once.
    let realSample: Snapshot
    public var keys: [String] { EvaluationKey.discriminatorKeys }

    init(model: GANModel, batchSize: Int, scale: Float, shift: Float, realSample: Snapshot) {
        self.model = model
        self.batchSize = batchSize
        self.scale = scale
        self.shift = shift
        self.realSample = realSample
    }

    public func measure(generated: Snapshot, real: Snapshot) -> [String: Double] {
        [EvaluationKey.finalDFake: meanVerdict(generated),
         EvaluationKey.finalDReal: meanVerdict(realSample, limit: generated.count)]
    }

    /// Mean σ(D) over the first `limit` samples (a whole number of packs).
    func meanVerdict(_ samples: Snapshot, limit: Int? = nil) -> Double {
        let size = samples.sampleShape.reduce(1, *)
        let pack = model.pack
        let usable = (min(limit ?? samples.count, samples.count) / pack) * pack
        guard usable > 0 else { return .nan }
        var total = 0.0, judged = 0
        var start = 0
        while start < usable {
            let rows = min(batchSize, usable - start) / pack * pack
            let input = Tensor(shape: model.discriminatorInputShape(batch: rows))
            for i in 0..<(rows * size) { input.data[i] = samples.values[start * size + i] * scale + shift }
            let logits = model.discriminator.forward(input, training: false)
            for i in 0..<logits.count { total += 1 / (1 + exp(-Double(logits.data[i]))) }
            judged += logits.count
            start += rows
        }
        return total / Double(judged)
    }
}
