import Foundation
import GAN
import Notebook

/// `ganbook runs`: every cache entry with the pages that use it, checked; `--prune` removes
/// entries no page references.
struct RunsReport {
    let options: RunsOptions
    let console: Console

    func run() throws {
        let cache = RunCache(site: URL(fileURLWithPath: options.site, isDirectory: true))
        let pages = try Notebook.loadPages(in: URL(fileURLWithPath: options.content, isDirectory: true),
                                           directiveKinds: SitePlanner.directiveKinds)
        let plan = try SitePlanner.plan(pages)
        var users: [String: [String]] = [:]
        for page in plan.pages {
            for run in page.runs { users[run.hash, default: []].append("\(page.page.slug)/\(run.id)") }
        }
        var problems = 0, unused: [String] = []
        for hash in cache.hashes() {
            let problem = RunsReport.verify(hash, cache: cache)
            if problem != nil { problems += 1 }
            let usedBy = users[hash]?.joined(separator: ", ") ?? "unused"
            if users[hash] == nil { unused.append(hash) }
            console.line("\(hash.prefix(12))  \(String(format: "%6.0f", Double(cache.size(hash)) / 1024)) KB  "
                         + "\(problem == nil ? "ok" : "DAMAGED")  \(usedBy)")
            if let problem { console.line("    \(problem)") }
        }
        for (hash, names) in users.sorted(by: { $0.key < $1.key }) where !cache.contains(hash) {
            console.line("\(hash.prefix(12))  not trained  \(names.joined(separator: ", "))")
        }
        if options.prune {
            for hash in unused { try cache.remove(hash) }
            console.line("removed \(unused.count) unused entr\(unused.count == 1 ? "y" : "ies")")
        } else if !unused.isEmpty {
            console.line("\(unused.count) unused entr\(unused.count == 1 ? "y" : "ies"); ganbook runs --prune removes them")
        }
        if problems > 0 {
            throw BookError(file: cache.root.path, message: "\(problems) damaged entr\(problems == 1 ? "y" : "ies")",
                            hint: "delete a damaged folder and build again to retrain it")
        }
    }

    /// Nil when the entry loads and its config hashes to its folder name; else what is wrong.
    static func verify(_ hash: String, cache: RunCache) -> String? {
        let folder = cache.entry(hash)
        do {
            let entry = try RunEntry.load(from: folder)
            let config = try RunConfig.decode(yaml: entry.configJSON, file: folder.appendingPathComponent("config.json").path)
            if config.runHash != hash {
                return "config.json hashes to \(config.runHash.prefix(12)), not to its folder name"
            }
            _ = try PNGImage.decode(Data(contentsOf: folder.appendingPathComponent(RunEntryLayout.finalGrid)),
                                    file: RunEntryLayout.finalGrid)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
