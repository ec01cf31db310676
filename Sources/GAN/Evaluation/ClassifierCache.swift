import Engine
import Foundation

/// Where trained classifiers are kept: `<folder>/classifiers/<hash>.weights` (float32 values)
/// and `<hash>.json` (test accuracy and calibration). Not site content; the folder is chosen by
/// the caller (the notebook's `.ganbook/`, or `$GANBOOK_CACHE`). A classifier missing or
/// unreadable there is trained again, deterministically, and stored.
public struct ClassifierCache: Sendable {
    public static let environmentVariable = "GANBOOK_CACHE"
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public var classifiers: URL { folder.appendingPathComponent("classifiers", isDirectory: true) }

    /// The classifier of `name` (an image dataset), from the cache or trained now.
    /// - Parameter progress: lines to show while it trains (first need only).
    public func classifier(for name: DatasetName, search: DataSearchPath, threads: Int,
                           config: ClassifierConfig = .standard,
                           progress: (String) -> Void) throws -> Classifier {
        let train = try Dataset.load(name, search: search)
        ComputePool.configure(threads: threads)
        let classifier = untrained(train: train, config: config)
        if loadStored(classifier) { return classifier }
        let test = try TestSplit.load(name, search: search)
        progress("training the \(name.rawValue) classifier \(classifier.hash.prefix(12)) (first use; kept in \(classifiers.path))")
        let start = Date()
        var shown = -1
        ClassifierTraining.train(classifier, on: train) { done, total in
            let percent = done * 100 / total
            if percent / 10 != shown / 10 {
                shown = percent
                progress("  classifier: \(percent)% (batch \(done) of \(total), \(Int(Date().timeIntervalSince(start))) s)")
            }
        }
        classifier.testAccuracy = classifier.accuracy(on: test)
        classifier.calibration = Calibration.measure(classifier, train: train, test: test)
        progress("  classifier: test accuracy \(String(format: "%.2f", classifier.testAccuracy * 100))% in \(Int(Date().timeIntervalSince(start))) s")
        try store(classifier)
        return classifier
    }

    /// The classifier of `name` if it is stored and readable; nil when it would have to be trained.
    public func storedClassifier(for name: DatasetName, search: DataSearchPath, threads: Int,
                                 config: ClassifierConfig = .standard) throws -> Classifier? {
        ComputePool.configure(threads: threads)
        let classifier = untrained(train: try Dataset.load(name, search: search), config: config)
        return loadStored(classifier) ? classifier : nil
    }

    private func untrained(train: Dataset, config: ClassifierConfig) -> Classifier {
        Classifier(config: config, hash: config.hash(datasetDigest: train.digest), imageSide: train.sampleShape[1])
    }

    private func weightsURL(_ classifier: Classifier) -> URL { classifiers.appendingPathComponent(classifier.hash + ".weights") }
    private func recordURL(_ classifier: Classifier) -> URL { classifiers.appendingPathComponent(classifier.hash + ".json") }

    /// Fills `classifier` from its stored weights and record; false when either is missing or unreadable.
    private func loadStored(_ classifier: Classifier) -> Bool {
        guard let data = try? Data(contentsOf: weightsURL(classifier)), classifier.load(weights: data),
              let record = ClassifierRecord.read(recordURL(classifier)) else { return false }
        classifier.testAccuracy = record.testAccuracy
        classifier.calibration = record.calibration
        return true
    }

    /// The error for a classifier that cannot be stored here: the folder is read-only, or not a folder.
    public func unwritable(_ error: Error, training name: DatasetName) -> GANError {
        GANError(kind: .unreadable, file: classifiers.path,
                 message: "the \(name.rawValue) classifier would have to be trained, but it cannot be stored here: \(String(describing: error))",
                 hint: "make the folder writable, or set $\(ClassifierCache.environmentVariable) to another")
    }

    private func store(_ classifier: Classifier) throws {
        do {
            try FileManager.default.createDirectory(at: classifiers, withIntermediateDirectories: true)
            try classifier.weightBytes.write(to: weightsURL(classifier), options: .atomic)
            let text = ClassifierRecord(hash: classifier.hash, testAccuracy: classifier.testAccuracy,
                                        calibration: classifier.calibration).json
            try Data(text.utf8).write(to: recordURL(classifier), options: .atomic)
        } catch {
            throw GANError(kind: .unreadable, file: classifiers.path,
                           message: "cannot store the trained classifier: \(error.localizedDescription)",
                           hint: "make the folder writable, or set $\(ClassifierCache.environmentVariable) to another")
        }
    }
}
