extension RunConfig {
    /// Real (and generated) samples one D step uses: D makes `batch_size` decisions, each on a
    /// pack of `pack` samples, so m-packing draws m batches (PacGAN's code).
    public var samplesPerStep: Int { batchSize * pack }

    /// Generator steps the run will train, known from the configuration alone (as `Trainer`
    /// counts them: whole batches per epoch, divided among the D steps).
    public var plannedIterations: Int {
        switch length {
        case .iterations(let iterations): return iterations
        case .epochs(let epochs):
            let batches = (examplesAvailable ?? samplesPerStep) / samplesPerStep
            return Trainer.totalIterations(self, batchesPerEpoch: batches)
        }
    }
}
