import Foundation

/// `ganbook runs list`: one line per cache entry (hash, the pages and ids that use it, dataset,
/// wall time, size), checked quickly; then the planned runs with no entry yet. Reads only.
struct RunsListing {
    let options: RunsOptions
    let console: Console

    func run() throws {
        let stages = BuildStages(content: options.content, site: options.site, templates: "", console: console)
        let users = RunUsers(try stages.plan(try stages.loadPages()))
        let cache = stages.cache
        console.line("hash          dataset        wall time    size  used by")
        for hash in cache.hashes() {
            let size = String(format: "%5.0f KB", Double(cache.size(hash)) / 1024)
            switch cache.check(hash, depth: .quick) {
            case .present(let entry):
                let dataset = entry.datasetName ?? "?"
                console.line("\(hash.prefix(12))  \(dataset.padded(13))  \(DurationText.format(seconds: entry.wallSeconds).padded(9, left: true))  \(size)  \(users.names(hash))")
            case .damaged:
                console.line("\(hash.prefix(12))  \("DAMAGED".padded(13))  \("".padded(9))  \(size)  \(users.names(hash)) (ganbook runs verify says why)")
            case .absent: break
            }
        }
        for (hash, names) in users.byHash.sorted(by: { $0.key < $1.key }) where !cache.exists(hash) {
            console.line("\(hash.prefix(12))  \("not trained".padded(13))  \("".padded(9))  \("".padded(8))  \(names.joined(separator: ", "))")
        }
    }
}

extension String {
    /// Padded with spaces to `width` characters (on the left when `left`), never cut.
    func padded(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
