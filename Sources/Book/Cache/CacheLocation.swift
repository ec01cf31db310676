import Foundation

/// Where runs are trained into when the cache lives outside the site (`--cache DIR`, else
/// `$GANBOOK_CACHE_DIR`); nil when they go to `site/runs/` as usual.
enum CacheLocation {
    static let environmentVariable = "GANBOOK_CACHE_DIR"

    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = option ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let path else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}
