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
        let whole = notebook ?? plan
        if !marksFailedClaims {
            // Every false claim of every page at once, before any page is rendered.
            let failures = try plan.pages.flatMap { try checkClaims($0, in: whole) }.filter { !$0.passed }.map(\.failure)
            if let problem = BookError.combined(failures) { throw problem }
        }
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
            let page = try renderPage(planned, siteTitle: siteTitle, previous: link(number - 1), next: link(number + 1), in: whole)
            typesetAny = typesetAny || page.hasMath
            outputs[name] = Data(page.html.utf8)
            let seconds = try planned.runs.filter { !untrained.contains($0.hash) }.reduce(0.0) { $0 + (try entry($1.hash)).wallSeconds }
            listed.append(IndexPageEntry(title: planned.page.title, summary: planned.page.frontMatter.summary ?? "",
                                         link: name, runCount: planned.runs.count, trainingSeconds: seconds))
        }
        // The index's prose with its inline values (the notebook's training time, a page's).
        let intro = try index.map { index in
            let evaluator = ClaimEvaluator(resolver: resolver(index, in: whole))
            return try index.blocks.map { block -> String in
                switch block {
                case .prose(let html): return html
                case .value(let value): return try valueHTML(value, evaluator: evaluator)
                default: return ""
                }
            }.joined()
        }
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

    /// With `--keep-going`: a page whose claims fail is still rendered, the failed claims marked.
    var marksFailedClaims = false
    /// Hashes of runs this build has no entry for and renders without (`--keep-going` after they
    /// failed, `--only`, a preview while runs train): their blocks are marked "not trained", the
    /// values that need them read "(not trained)" and the claims that need them are not checkable.
    var untrained: Set<String> = []
    /// The whole notebook, for the notebook values (`training_time(*)`), when only some of its
    /// pages are rendered; nil: the plan rendered is the notebook.
    var notebook: SitePlan?

    /// Reads the page's values, its notebook values from `whole` (else `notebook`, else the page alone).
    func resolver(_ planned: PlannedPage, in whole: SitePlan? = nil) -> ValueResolver {
        var resolver = ValueResolver(targets: planned.targets, entry: entry)
        resolver.untrained = untrained
        resolver.notebook = NotebookRuns(plan: whole ?? notebook ?? SitePlan(pages: [planned]), page: planned)
        return resolver
    }

    /// The page's claims checked against the cache.
    func checkClaims(_ planned: PlannedPage, in whole: SitePlan? = nil) throws -> [ClaimResult] {
        let evaluator = ClaimEvaluator(resolver: resolver(planned, in: whole))
        return try planned.claims.map(evaluator.evaluate)
    }

    func renderPage(_ planned: PlannedPage, siteTitle: String) throws -> String {
        try renderPage(planned, siteTitle: siteTitle, previous: nil, next: nil).html
    }

    /// The page's HTML, and whether it holds typeset math (then KaTeX's stylesheet ships).
    func renderPage(_ planned: PlannedPage, siteTitle: String, previous: PageLink?, next: PageLink?,
                    in whole: SitePlan? = nil) throws -> (html: String, hasMath: Bool) {
        let results = try checkClaims(planned, in: whole)
        let failures = results.filter { !$0.passed }.map(\.failure)
        if !marksFailedClaims, let problem = BookError.combined(failures) { throw problem }
        let evaluator = ClaimEvaluator(resolver: resolver(planned, in: whole))
        var blocks: [PageBlockView] = []
        var hasMath = false
        var anchors = HeadingAnchors(reserved: Set(planned.runs.map { "run-" + $0.id }))
        var prose = ""
        // Prose is typeset whole (values joined in), so a heading split by a value keeps one anchor.
        func flushProse() throws {
            defer { prose = "" }
            guard !prose.isEmpty else { return }
            // Anchors first: a heading's title for the contents is read from its TeX, not KaTeX's HTML.
            let typeset = try math.typeset(anchors.anchor(prose), formulas: planned.page.math, file: planned.page.sourcePath)
            hasMath = hasMath || typeset.typesetAny
            blocks.append(.prose(typeset.html))
        }
        func claims(_ list: [Claim]) {
            let lines = Set(list.map { "\($0.file):\($0.line):\($0.text)" })
            let shown = results.filter { lines.contains("\($0.claim.file):\($0.claim.line):\($0.claim.text)") }
            if !shown.isEmpty { blocks.append(.claims(ClaimsView(shown))) }
        }
        for block in planned.blocks {
            if case .prose(let html) = block { prose += html; continue }
            if case .value(let value) = block { prose += try valueHTML(value, evaluator: evaluator); continue }
            try flushProse()
            switch block {
            case .prose, .value: break
            case .run(let run) where untrained.contains(run.hash):
                blocks.append(.untrained(UntrainedView(title: run.id, anchor: "run-" + run.id, caption: run.caption, missing: [run])))
                claims(run.expectations)
            case .run(let run):
                blocks.append(.experiment(try ExperimentViewBuilder(runsPath: "runs/")
                    .build(runID: run.id, caption: run.caption, entry: try entry(run.hash))))
                claims(run.expectations)
            case .sweep(let sweep):
                let missing = sweep.children.filter { untrained.contains($0.hash) }
                if missing.isEmpty {
                    blocks.append(.sweep(SweepViewBuilder().build(sweep, entries: try sweep.children.map { try entry($0.hash) })))
                } else {
                    blocks.append(.untrained(UntrainedView(title: sweep.id, anchor: "run-" + sweep.id, caption: sweep.caption,
                                                           missing: missing)))
                }
                claims(sweep.children.flatMap(\.expectations))
            case .check(let check):
                claims(check.claims)
            case .display(let display):
                let members = self.members(display, planned: planned)
                let missing = NotebookRuns.distinct(members.flatMap(\.runs).filter { untrained.contains($0.hash) })
                if missing.isEmpty {
                    try blocks.append(displayView(display, planned: planned))
                } else {
                    let kind = display.kind == .compare ? "gan-compare" : "gan-table"
                    blocks.append(.untrained(UntrainedView(title: "\(kind) of \(members.map(\.id).joined(separator: ", "))",
                                                           anchor: nil, caption: display.title, missing: missing)))
                }
            }
        }
        try flushProse()
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

    /// An inline value: the number, linked to the block of the run it comes from (a notebook
    /// value to the page it counts, the notebook's to the index).
    private func valueHTML(_ value: PlannedValue, evaluator: ClaimEvaluator) throws -> String {
        let (text, runs, trained) = try evaluator.text(value)
        guard trained else {
            let title = "\(value.reference.shown) · needs a run this build did not train"
            return "<span class=\"value not-trained\" title=\"\(SVGWriter.escapeAttribute(title))\">\(SVGWriter.escapeAttribute(text))</span>"
        }
        if let scope = value.reference.scope {
            let title = "\(value.reference.shown) · \(runs.count) run(s)"
            let href: String
            switch scope {
            case .page: href = ""
            case .otherPage(let slug): href = "\(slug).html"
            case .notebook: href = SiteRendering.index
            }
            let attributes = "class=\"value\" title=\"\(SVGWriter.escapeAttribute(title))\""
            return href.isEmpty ? "<span \(attributes)>\(SVGWriter.escapeAttribute(text))</span>"
                : "<a \(attributes) href=\"\(SVGWriter.escapeAttribute(href))\">\(SVGWriter.escapeAttribute(text))</a>"
        }
        let target = value.reference.run.flatMap { id in id.contains("[") ? id.prefix { $0 != "[" } : Substring(id) } ?? ""
        let title = "\(value.reference.shown) · run \(runs.map { String($0.hash.prefix(12)) }.joined(separator: ", "))"
        return "<a class=\"value\" href=\"#run-\(SVGWriter.escapeAttribute(String(target)))\" title=\"\(SVGWriter.escapeAttribute(title))\">\(SVGWriter.escapeAttribute(text))</a>"
    }

    /// The blocks a gan-compare or gan-table shows (all the page's when it names none), each with its runs.
    private func members(_ display: DisplayDirective, planned: PlannedPage) -> [(id: String, runs: [PlannedRun])] {
        let ids = display.runs.isEmpty ? planned.blocks.compactMap { block -> String? in
            switch block {
            case .run(let run): return run.id
            case .sweep(let sweep): return sweep.id
            default: return nil
            }
        } : display.runs
        return ids.map { id in (id: id, runs: planned.targets.runs[id] ?? planned.runs.filter { $0.id == id }) }
    }

    private func displayView(_ display: DisplayDirective, planned: PlannedPage) throws -> PageBlockView {
        let runs = planned.runs
        // Each run keeps one colour in every comparison of the page.
        let colors = Dictionary(runs.enumerated().map { ($1.id, ChartPalette.color($0)) }) { first, _ in first }
        let members = self.members(display, planned: planned)
        let pairs = try members.flatMap(\.runs).map { (runID: $0.id, entry: try entry($0.hash)) }
        switch display.kind {
        case .compare:
            var view = try CompareViewBuilder.build(
                metric: display.metric, title: display.title, runs: pairs, smoothing: display.smoothing,
                colors: colors, file: planned.page.sourcePath, line: display.line)
            if members.contains(where: { planned.targets.sweeps.contains($0.id) }) {
                view = try CompareViewBuilder.build(metric: display.metric, title: display.title,
                                                    members: members.map { member in
                                                        (member.id, planned.targets.sweeps.contains(member.id),
                                                         try member.runs.map { (runID: $0.id, entry: try entry($0.hash)) })
                                                    }, smoothing: display.smoothing, colors: colors)
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
                                                              columns: table.columns.map(\.name), entries: Array(entries)))
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
