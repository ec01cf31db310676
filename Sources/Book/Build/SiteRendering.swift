import Foundation
import Notebook

/// Renders the whole site to memory (site-relative path → bytes) from the plan, the templates
/// and verified cache entries. Writes nothing: `SiteOutput` puts the result on disk.
struct SiteRendering {
    let templates: LoadedTemplates
    /// A verified cache entry by run hash.
    let entry: (String) throws -> RunEntry
    static let defaultSiteTitle = "ganbook"
    static let index = "index.html"

    /// The paths `render` writes, known before anything trains: each page, the index and the
    /// assets (with the assets' bytes).
    static func outputPaths(_ plan: SitePlan, templates: LoadedTemplates) -> [String: Data?] {
        var paths: [String: Data?] = templates.assets.mapValues { Optional($0) }
        for planned in plan.pages where !planned.page.isIndex { paths["\(planned.page.slug).html"] = .some(nil) }
        paths[index] = .some(nil)
        return paths
    }

    func render(_ plan: SitePlan) throws -> [String: Data] {
        let renderer = templates.renderer
        let index = plan.pages.first { $0.page.isIndex }
        let siteTitle = index?.page.frontMatter.title ?? SiteRendering.defaultSiteTitle
        var outputs = templates.assets
        var listed: [IndexPageEntry] = []
        for planned in plan.pages where !planned.page.isIndex {
            let name = "\(planned.page.slug).html"
            outputs[name] = Data(try renderPage(planned, siteTitle: siteTitle).utf8)
            let seconds = try planned.runs.reduce(0.0) { $0 + (try entry($1.hash)).wallSeconds }
            listed.append(IndexPageEntry(title: planned.page.title, summary: planned.page.frontMatter.summary ?? "",
                                         link: name, experimentCount: planned.runs.count, trainingSeconds: seconds))
        }
        let intro = index?.blocks.compactMap { if case .prose(let html) = $0 { return html } else { return nil } }
            .joined()
        outputs[SiteRendering.index] = Data(renderer.renderIndex(IndexView(
            siteTitle: siteTitle, introHTML: intro, pages: listed,
            showsTitleHeading: !(intro ?? "").contains("<h1"))).utf8)
        return outputs
    }

    func renderPage(_ planned: PlannedPage, siteTitle: String) throws -> String {
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
        return templates.renderer.renderPage(PageView(siteTitle: siteTitle, title: planned.page.title, blocks: blocks,
                                                      showsTitleHeading: !headingInProse))
    }
}
