import Foundation
import GAN

/// Trains one configuration and returns the files of its cache entry. Shared by `ganbook train`
/// and `ganbook build`, so both use the same engine path and write the same layout.
enum RunTraining {
    static func train(_ config: RunConfig, search: DataSearchPath, threads: Int, console: Console,
                      label: String, classifiers: ClassifierCache) throws -> [String: Data] {
        let dataset = try Dataset.load(for: config, search: search)
        let suite: EvaluationSuite
        if config.dataset.isImage {
            // The measuring instrument: trained once per dataset on first need, then read from the cache.
            let classifier = try classifiers.sharedClassifier(
                for: config.dataset, search: search, threads: threads,
                waiting: { console.line(label + "waiting for another run to finish training the \(config.dataset.rawValue) classifier") },
                progress: { console.line(label + $0) })
            suite = EvaluationSuite(dataset: dataset, classifier: classifier,
                                    testSplit: try TestSplit.load(config.dataset, search: search))
        } else {
            suite = EvaluationSuite(dataset: dataset)
        }
        let reporter = TrainingReporter(console: console, label: label)
        let result = try Trainer.train(config: config, dataset: dataset, threads: threads, evaluation: suite,
                                       progress: reporter.report)
        let provenance = Provenance(hash: config.runHash, datasetIdentity: config.datasetIdentity,
                                    datasetDigest: dataset.digest, result: result)
        return RunFiles.make(config: config, result: result, provenance: provenance)
    }
}
