import Engine

/// Serves shuffled batches of real examples, reshuffling at every epoch and dropping the last
/// incomplete batch, scaled to the generator's output range.
final class BatchSampler {
    let dataset: Dataset
    let batch: Tensor
    let batchesPerEpoch: Int
    private let scale: Float
    private let shift: Float
    private var order: [Int] = []
    private var position = 0
    private var rng: RandomGenerator

    init(dataset: Dataset, batchSize: Int, output: OutputActivation, rng: RandomGenerator) {
        precondition(dataset.count >= batchSize, "dataset smaller than one batch")
        self.dataset = dataset
        self.batch = Tensor(shape: [batchSize] + dataset.sampleShape)
        self.batchesPerEpoch = dataset.count / batchSize
        // Images are read in [0, 1]; a tanh generator is matched with data in [-1, 1].
        (scale, shift) = output == .tanh && dataset.sampleShape.count == 3 ? (2, -1) : (1, 0)
        self.rng = rng
        position = batchesPerEpoch  // shuffle on first use
    }

    /// Fills and returns the next batch.
    func next() -> Tensor {
        if position == batchesPerEpoch {
            order = rng.permutation(dataset.count)
            position = 0
        }
        let size = dataset.sampleSize, rows = batch.rows
        for row in 0..<rows {
            dataset.write(example: order[position * rows + row], to: batch.data + row * size, scale: scale, shift: shift)
        }
        position += 1
        return batch
    }

    /// Display scale → the generator's (value · scale + shift).
    var displayToModel: (scale: Float, shift: Float) { (scale, shift) }

    /// Maps generator output back to display scale ([0, 1] for images).
    func toDisplay(_ value: Float) -> Float { (value - shift) / scale }

    /// Batch statistics in display scale: the mean moves with the shift, the spread only scales.
    func toDisplay(mean: Double, std: Double) -> (mean: Double, std: Double) {
        ((mean - Double(shift)) / Double(scale), std / Double(scale))
    }
}
