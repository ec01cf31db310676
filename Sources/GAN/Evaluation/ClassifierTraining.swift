import Engine

/// Trains a `Classifier` with softmax cross-entropy and Adam, deterministically from its config's
/// seed (for a given thread count and kernel family, like a run).
enum ClassifierTraining {
    /// - Parameter progress: called after each batch with (batches done, batches in all).
    static func train(_ classifier: Classifier, on dataset: Dataset, progress: (Int, Int) -> Void) {
        let config = classifier.config
        var rng = RandomGenerator(seed: config.seed)
        var initRNG = rng.split()
        classifier.body.initialize(.default, rng: &initRNG)
        classifier.head.initialize(.default, rng: &initRNG)
        let batch = config.batchSize, size = dataset.sampleSize
        let perEpoch = dataset.count / batch
        let input = Tensor(shape: [batch] + dataset.sampleShape)
        let gradLogits = Tensor(shape: [batch, Classifier.classes])
        var probabilities = [Float](repeating: 0, count: batch * Classifier.classes)
        var optimizer = Adam(parameters: classifier.parameters, learningRate: Float(config.learningRate))
        for epoch in 0..<config.epochs {
            if epoch == config.epochs - 1 && epoch > 0 {
                optimizer = Adam(parameters: classifier.parameters, learningRate: Float(config.finalLearningRate))
            }
            let order = rng.permutation(dataset.count)
            for step in 0..<perEpoch {
                for row in 0..<batch {
                    dataset.write(example: order[step * batch + row], to: input.data + row * size, scale: 1, shift: 0)
                }
                let features = classifier.body.forward(input, training: true)
                let logits = classifier.head.forward(features, training: true)
                // d(mean cross-entropy)/d(logits) = (softmax − one-hot) / batch
                for row in 0..<batch {
                    Classifier.softmax(logits.data + row * Classifier.classes, into: &probabilities, at: row * Classifier.classes)
                    let label = dataset.labels[order[step * batch + row]]
                    for k in 0..<Classifier.classes {
                        let target: Float = k == label ? 1 : 0
                        gradLogits.data[row * Classifier.classes + k] = (probabilities[row * Classifier.classes + k] - target) / Float(batch)
                    }
                }
                let gradFeatures = classifier.head.backward(gradLogits, needs: .all)!
                _ = classifier.body.backward(gradFeatures, needs: .parametersOnly)
                optimizer.step()
                progress(epoch * perEpoch + step + 1, config.epochs * perEpoch)
            }
        }
    }
}
