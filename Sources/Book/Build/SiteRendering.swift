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
        if !marksFailedClaims {
            // Every false claim of every page at once, before any page is rendered.
            let failures = try plan.pages.flatMap { try checkClaims($0) }.filter { !$0.passed }.map(\.failure)
            if let problem = BookError.combined(failures) { throw problem }
        }
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
        // The index lists the notebook: its own inline values would have no runs to read.
        outputs[SiteRendering.index] = Data(renderer.renderIndex(IndexView(
            siteTitle: siteTitle, introHTML: intro, pages: listed,
            showsTitleHeading: !(intro ?? "").contains("<h1"))).utf8)
        return outputs
    }

    /// With `--keep-going`: a page whose claims fail is still rendered, the failed claims marked.
    var marksFailedClaims = false

    /// The page's claims checked against the cache.
    func checkClaims(_ planned: PlannedPage) throws -> [ClaimResult] {
        let evaluator = ClaimEvaluator(resolver: ValueResolver(targets: planned.targets, entry: entry))
        return try planned.claims.map(evaluator.evaluate)
    }

    func renderPage(_ planned: PlannedPage, siteTitle: String) throws -> String {
        let results = try checkClaims(planned)
        let failures = results.filter { !$0.passed }.map(\.failure)
        if !marksFailedClaims, let problem = BookError.combined(failures) { throw problem }
        let evaluator = ClaimEvaluator(resolver: ValueResolver(targets: planned.targets, entry: entry))
        var blocks: [PageBlockView] = []
        var prose = ""
        func flushProse() {
            if !prose.isEmpty { blocks.append(.prose(prose)) }
            prose = ""
        }
        func claims(_ list: [Claim]) {
            let lines = Set(list.map { "\($0.file):\($0.line):\($0.text)" })
            let shown = results.filter { lines.contains("\($0.claim.file):\($0.claim.line):\($0.claim.text)") }
            if !shown.isEmpty { blocks.append(.claims(ClaimsView(shown))) }
        }
        for block in planned.blocks {
            if case .prose(let html) = block { prose += html; continue }
            if case .value(let value) = block { prose += try valueHTML(value, evaluator: evaluator); continue }
            flushProse()
            switch block {
            case .prose, .value: break
            case .run(let run):
                blocks.append(.experiment(try ExperimentViewBuilder(runsPath: "runs/")
                    .build(runID: run.id, caption: run.caption, entry: try entry(run.hash))))
                claims(run.expectations)
            case .sweep(let sweep):
                blocks.append(.sweep(SweepViewBuilder().build(sweep, entries: try sweep.children.map { try entry($0.hash) })))
                claims(sweep.children.flatMap(\.expectations))
            case .check(let check):
                claims(check.claims)
            case .display(let display):
                try blocks.append(displayView(display, planned: planned))
            }
        }
        flushProse()
        let headingInProse = planned.blocks.contains { if case .prose(let html) = $0 { return html.contains("<h1") } else { return false } }
        return templates.renderer.renderPage(PageView(siteTitle: siteTitle, title: planned.page.title, blocks: blocks,
                                                      showsTitleHeading: !headingInProse))
    }

    /// An inline value: the number, linked to the block of the run it comes from.
    private func valueHTML(_ value: PlannedValue, evaluator: ClaimEvaluator) throws -> String {
        let (text, runs) = try evaluator.text(value)
        let target = value.reference.run.flatMap { id in id.contains("[") ? id.prefix { $0 != "[" } : Substring(id) } ?? ""
        let title = "\(value.reference.shown) · run \(runs.map { String($0.hash.prefix(12)) }.joined(separator: ", "))"
        return "<a class=\"value\" href=\"#run-\(SVGWriter.escapeAttribute(String(target)))\" title=\"\(SVGWriter.escapeAttribute(title))\">\(SVGWriter.escapeAttribute(text))</a>"
    }

    private func displayView(_ display: DisplayDirective, planned: PlannedPage) throws -> PageBlockView {
        let runs = planned.runs
        let ids = display.runs.isEmpty ? planned.blocks.compactMap { block -> String? in
            switch block {
            case .run(let run): return run.id
            case .sweep(let sweep): return sweep.id
            default: return nil
            }
        } : display.runs
        let members = ids.map { id in (id: id, runs: planned.targets.runs[id] ?? runs.filter { $0.id == id }) }
        let pairs = try members.flatMap(\.runs).map { (runID: $0.id, entry: try entry($0.hash)) }
        switch display.kind {
        case .compare:
            var view = try CompareViewBuilder.build(
                metric: display.metric, title: display.title, runs: pairs, smoothing: display.smoothing,
                file: planned.page.sourcePath, line: display.line)
            if members.contains(where: { planned.targets.sweeps.contains($0.id) }) {
                view = try CompareViewBuilder.build(metric: display.metric, title: display.title,
                                                    members: members.map { member in
                                                        (member.id, planned.targets.sweeps.contains(member.id),
                                                         try member.runs.map { try entry($0.hash) })
                                                    }, smoothing: display.smoothing)
            }
            return .comparison(view)
        case .table:
            var table = try TableViewBuilder.build(title: display.title, columns: display.columns, runs: pairs,
                                                   file: planned.page.sourcePath, line: display.line)
            // A sweep's parent is one row: its runs' values as mean ± std.
            var rows: [TableRow] = []
            var next = 0
            for member in members {
                let count = member.runs.count
                if planned.targets.sweeps.contains(member.id) {
                    let entries = pairs[next..<(next + count)].map(\.entry)
                    rows.append(TableViewBuilder.aggregateRow(label: "\(member.id) (n = \(count))", href: "#run-" + member.id,
                                                              columns: table.columns, entries: Array(entries)))
                } else {
                    rows += table.rows[next..<(next + count)]
                }
                next += count
            }
            table.rows = rows
            return .table(table)
        }
    }
}
