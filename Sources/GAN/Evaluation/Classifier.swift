import Engine
import Foundation

/// A small CNN over 28×28 images in [0, 1]: conv 5×5/2 → ReLU → conv 5×5/2 → ReLU → dense →
/// ReLU (the features) → dense → 10 logits. The measuring instrument of image runs.
public final class Classifier {
    public let config: ClassifierConfig
    /// Hash of the config and the training data's digest (names the cached weights).
    public let hash: String
    /// Accuracy on the dataset's test split, measured when it was trained.
    public internal(set) var testAccuracy: Double = .nan
    /// Figures of the metrics on reference samples (see `Calibration`), by reference and key.
    public internal(set) var calibration: [String: [String: Double]] = [:]
    let body: Sequential
    let head: Dense
    static let classes = 10
    /// Images per forward pass when measuring.
    static let chunk = 500

    init(config: ClassifierConfig, hash: String, imageSide: Int = 28) {
        self.config = config
        self.hash = hash
        let padding = config.kernel / 2
        var layers: [Layer] = []
        var channels = 1, side = imageSide
        for out in config.channels {
            layers.append(Conv2D(inChannels: channels, outChannels: out, kernel: config.kernel, stride: 2, padding: padding))
            layers.append(Engine.Activation.relu())
            channels = out
            side = (side + 2 * padding - config.kernel) / 2 + 1
        }
        layers.append(Flatten())
        layers.append(Dense(channels * side * side, config.features))
        layers.append(Engine.Activation.relu())
        // Row-major throughout: the classifier's weights enter every fcd, so it trains exactly as it
        // did for the cached results (a batch-last run sums bias gradients in another order).
        body = Sequential(layers, batchLastBetweenConvolutions: false)
        head = Dense(config.features, Classifier.classes)
    }

    var parameters: [Parameter] { body.parameters + head.parameters }

    /// Features and class probabilities of `count` images (`values`: count × 784, in [0, 1]).
    public func measure(_ values: [Float], count: Int) -> (features: [Float], probabilities: [Float]) {
        let size = values.count / max(count, 1)
        var features = [Float](repeating: 0, count: count * config.features)
        var probabilities = [Float](repeating: 0, count: count * Classifier.classes)
        var start = 0
        while start < count {
            let rows = min(Classifier.chunk, count - start)
            let input = Tensor(shape: [rows, 1, 28, 28])
            values.withUnsafeBufferPointer { v in
                input.data.update(from: v.baseAddress! + start * size, count: rows * size)
            }
            let f = body.forward(input, training: false)
            let logits = head.forward(f, training: false)
            for i in 0..<(rows * config.features) { features[start * config.features + i] = f.data[i] }
            for row in 0..<rows {
                Classifier.softmax(logits.data + row * Classifier.classes,
                                   into: &probabilities, at: (start + row) * Classifier.classes)
            }
            start += rows
        }
        return (features, probabilities)
    }

    static func softmax(_ logits: UnsafeMutablePointer<Float>, into target: inout [Float], at offset: Int) {
        var largest = -Float.infinity
        for k in 0..<classes { largest = max(largest, logits[k]) }
        var sum: Float = 0
        for k in 0..<classes {
            let e = expf(logits[k] - largest)
            target[offset + k] = e
            sum += e
        }
        for k in 0..<classes { target[offset + k] /= sum }
    }

    /// Share of `dataset`'s examples whose most probable class is their label.
    public func accuracy(on dataset: Dataset) -> Double {
        let (_, p) = measure(dataset.allValues(), count: dataset.count)
        var right = 0
        for row in 0..<dataset.count where Classifier.argmax(p, row: row) == dataset.labels[row] { right += 1 }
        return Double(right) / Double(max(dataset.count, 1))
    }

    static func argmax(_ p: [Float], row: Int) -> Int {
        var best = 0
        for k in 1..<classes where p[row * classes + k] > p[row * classes + best] { best = k }
        return best
    }

    /// The weights as little-endian float32 values, parameter after parameter.
    var weightBytes: Data {
        var data = Data()
        for p in parameters {
            data.append(UnsafeBufferPointer(start: p.value.data, count: p.count))
        }
        return data
    }

    /// Loads weights written by `weightBytes`; false (weights untouched) when the size is wrong.
    func load(weights data: Data) -> Bool {
        let total = parameters.reduce(0) { $0 + $1.count }
        guard data.count == total * MemoryLayout<Float>.size else { return false }
        data.withUnsafeBytes { raw in
            var offset = 0
            for p in parameters {
                let source = raw.baseAddress!.advanced(by: offset * 4).assumingMemoryBound(to: Float.self)
                p.value.data.update(from: source, count: p.count)
                offset += p.count
            }
        }
        return true
    }
}
