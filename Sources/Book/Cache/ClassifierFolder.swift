import Foundation
import GAN

/// Where a notebook keeps its classifiers (weights are not site content): `$GANBOOK_CACHE`
/// when set, else `.ganbook/` beside the content folder. Git-ignored; a `--frozen` build never
/// reads it (evaluated numbers live in each run's entry).
enum ClassifierFolder {
    static func cache(content: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> ClassifierCache {
        if let path = environment[ClassifierCache.environmentVariable], !path.isEmpty {
            return ClassifierCache(folder: URL(fileURLWithPath: path, isDirectory: true))
        }
        return ClassifierCache(folder: content.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".ganbook", isDirectory: true))
    }
}
