extension RunConfig {
    /// Generator steps the run will train, known from the configuration alone (as `Trainer`
    /// counts them: whole batches per epoch, divided among the D steps).
    public var plannedIterations: Int {
        switch length {
        case .iterations(let iterations): return iterations
        case .epochs(let epochs):
            let batches = (examplesAvailable ?? batchSize) / batchSize
            return Trainer.totalIterations(self, batchesPerEpoch: batches)
        }
    }
}
