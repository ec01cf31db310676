import Foundation
import Notebook

/// Renders the whole site to memory (site-relative path → bytes) from the plan, the templates
/// and verified cache entries. Writes nothing: `SiteOutput` puts the result on disk.
struct SiteRendering {
    let templates: LoadedTemplates
    /// A verified cache entry by run hash.
    let entry: (String) throws -> RunEntry
    var math = MathTypesetter.shared
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
        var typesetAny = false
        let pages = plan.pages.filter { !$0.page.isIndex }
        for (number, planned) in pages.enumerated() {
            let name = "\(planned.page.slug).html"
            func link(_ other: Int) -> PageLink? {
                pages.indices.contains(other) ? PageLink(title: pages[other].page.title, href: "\(pages[other].page.slug).html") : nil
            }
            let page = try renderPage(planned, siteTitle: siteTitle, previous: link(number - 1), next: link(number + 1))
            typesetAny = typesetAny || page.hasMath
            outputs[name] = Data(page.html.utf8)
            let seconds = try planned.runs.reduce(0.0) { $0 + (try entry($1.hash)).wallSeconds }
            listed.append(IndexPageEntry(title: planned.page.title, summary: planned.page.frontMatter.summary ?? "",
                                         link: name, experimentCount: planned.runs.count, trainingSeconds: seconds))
        }
        let intro = index?.blocks.compactMap { if case .prose(let html) = $0 { return html } else { return nil } }
            .joined()
        var indexView = IndexView(siteTitle: siteTitle, introHTML: intro, pages: listed,
                                  showsTitleHeading: !(intro ?? "").contains("<h1"))
        if let text = intro, let page = index?.page {
            let typeset = try math.typeset(text, formulas: page.math, file: page.sourcePath)
            indexView.introHTML = typeset.html
            indexView.hasMath = typeset.typesetAny
            typesetAny = typesetAny || typeset.typesetAny
        }
        outputs[SiteRendering.index] = Data(renderer.renderIndex(indexView).utf8)
        if typesetAny { outputs.merge(try KatexAssets.files()) { template, _ in template } }
        return outputs
    }

    func renderPage(_ planned: PlannedPage, siteTitle: String) throws -> String {
        try renderPage(planned, siteTitle: siteTitle, previous: nil, next: nil).html
    }

    /// The page's HTML, and whether it holds typeset math (then KaTeX's stylesheet ships).
    func renderPage(_ planned: PlannedPage, siteTitle: String, previous: PageLink?, next: PageLink?) throws
        -> (html: String, hasMath: Bool) {
        let runs = planned.runs
        var blocks: [PageBlockView] = []
        var hasMath = false
        var anchors = HeadingAnchors(reserved: Set(runs.map { "run-" + $0.id }))
        // Each run keeps one colour in every comparison of the page.
        let colors = Dictionary(runs.enumerated().map { ($1.id, ChartPalette.color($0)) }) { first, _ in first }
        for block in planned.blocks {
            switch block {
            case .prose(let html):
                // Anchors first: a heading's title for the contents is read from its TeX, not KaTeX's HTML.
                let typeset = try math.typeset(anchors.anchor(html), formulas: planned.page.math, file: planned.page.sourcePath)
                hasMath = hasMath || typeset.typesetAny
                blocks.append(.prose(typeset.html))
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
                        colors: colors, file: planned.page.sourcePath, line: display.line)))
                case .table:
                    blocks.append(.table(try TableViewBuilder.build(
                        title: display.title, columns: display.columns, runs: pairs,
                        file: planned.page.sourcePath, line: display.line)))
                }
            }
        }
        let headingInProse = planned.blocks.contains { if case .prose(let html) = $0 { return html.contains("<h1") } else { return false } }
        let withContents = anchors.entries.count > 1
            ? ContentsPlacement.insert(ContentsView(entries: anchors.entries), into: blocks) : blocks
        var view = PageView(siteTitle: siteTitle, title: planned.page.title, blocks: withContents,
                            showsTitleHeading: !headingInProse)
        view.previous = previous
        view.next = next
        view.hasMath = hasMath
        return (templates.renderer.renderPage(view), hasMath)
    }
}
