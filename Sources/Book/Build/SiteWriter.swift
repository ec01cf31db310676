import Foundation
import Notebook

/// Renders every planned page from the cache into the site folder. Files are rewritten only when
/// their bytes change, and HTML pages no longer in the notebook are removed.
struct SiteWriter {
    let siteURL: URL
    let renderer: SiteRenderer
    let cache: RunCache
    static let defaultSiteTitle = "ganbook"

    /// Returns how many files changed.
    func write(_ plan: SitePlan) throws -> Int {
        var entries: [String: RunEntry] = [:]
        func entry(_ hash: String) throws -> RunEntry {
            if let loaded = entries[hash] { return loaded }
            let loaded = try SiteWriter.loadEntry(cache.entry(hash))
            entries[hash] = loaded
            return loaded
        }
        let index = plan.pages.first { $0.page.isIndex }
        let siteTitle = index?.page.frontMatter.title ?? SiteWriter.defaultSiteTitle
        var outputs: [String: String] = [:]
        var listed: [IndexPageEntry] = []
        for planned in plan.pages where !planned.page.isIndex {
            let html = try renderPage(planned, siteTitle: siteTitle, entry: entry)
            let name = "\(planned.page.slug).html"
            outputs[name] = html
            let seconds = try planned.runs.reduce(0.0) { $0 + (try entry($1.hash)).wallSeconds }
            listed.append(IndexPageEntry(title: planned.page.title, summary: planned.page.frontMatter.summary ?? "",
                                         link: name, experimentCount: planned.runs.count, trainingSeconds: seconds))
        }
        let intro = index?.blocks.compactMap { if case .prose(let html) = $0 { return html } else { return nil } }
            .joined()
        outputs["index.html"] = renderer.renderIndex(IndexView(siteTitle: siteTitle, introHTML: intro, pages: listed,
                                                               showsTitleHeading: !(intro ?? "").contains("<h1")))
        var changed = 0
        try FileManager.default.createDirectory(at: siteURL, withIntermediateDirectories: true)
        for (name, html) in outputs.sorted(by: { $0.key < $1.key }) {
            if try writeIfChanged(Data(html.utf8), to: siteURL.appendingPathComponent(name)) { changed += 1 }
        }
        changed += try removeStalePages(keeping: Set(outputs.keys))
        _ = try renderer.copyAssets(into: siteURL)
        return changed
    }

    /// Reads a cache entry. A file of it that cannot be read is damage the build cannot repair by
    /// itself (the entry counts as trained), so the error says how to get it retrained.
    static func loadEntry(_ folder: URL) throws -> RunEntry {
        do {
            return try RunEntry.load(from: folder)
        } catch var error as BookError where error.file.hasPrefix(folder.path + "/") && !error.hint.contains("delete") {
            error.hint = (error.hint.isEmpty ? "" : error.hint + "; ")
                + "the run's cache entry is damaged: delete \(folder.path) and build again to retrain it"
            throw error
        }
    }

    func renderPage(_ planned: PlannedPage, siteTitle: String, entry: (String) throws -> RunEntry) throws -> String {
        let runs = planned.runs
        var blocks: [PageBlockView] = []
        for block in planned.blocks {
            switch block {
            case .prose(let html):
                blocks.append(.prose(html))
            case .run(let run):
                blocks.append(.experiment(try ExperimentViewBuilder(runsPath: "runs/")
                    .build(runID: run.id, caption: run.caption, entry: try entry(run.hash))))
            case .display(let display):
                let chosen = display.runs.isEmpty ? runs : display.runs.compactMap { id in runs.first { $0.id == id } }
                let pairs = try chosen.map { (runID: $0.id, entry: try entry($0.hash)) }
                switch display.kind {
                case .compare:
                    blocks.append(.comparison(try CompareViewBuilder.build(
                        metric: display.metric, title: display.title, runs: pairs, smoothing: display.smoothing,
                        file: planned.page.sourcePath, line: display.line)))
                case .table:
                    blocks.append(.table(try TableViewBuilder.build(
                        title: display.title, columns: display.columns, runs: pairs,
                        file: planned.page.sourcePath, line: display.line)))
                }
            }
        }
        let headingInProse = planned.blocks.contains { if case .prose(let html) = $0 { return html.contains("<h1") } else { return false } }
        return renderer.renderPage(PageView(siteTitle: siteTitle, title: planned.page.title, blocks: blocks,
                                            showsTitleHeading: !headingInProse))
    }

    func writeIfChanged(_ data: Data, to url: URL) throws -> Bool {
        if FileManager.default.contents(atPath: url.path) == data { return false }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw BookError(file: url.path, message: "cannot write (\(error.localizedDescription))",
                            hint: "check that the site folder is writable")
        }
        return true
    }

    /// Pages are the only HTML at the top of the site; one whose source page is gone is removed.
    func removeStalePages(keeping names: Set<String>) throws -> Int {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: siteURL.path)) ?? []
        var removed = 0
        for name in existing where name.hasSuffix(".html") && !names.contains(name) {
            try FileManager.default.removeItem(at: siteURL.appendingPathComponent(name))
            removed += 1
        }
        return removed
    }
}
