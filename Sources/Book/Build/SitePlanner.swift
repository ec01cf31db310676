import Foundation
import GAN
import Notebook

/// Decodes every directive of every page and checks their references, collecting all problems
/// so an author sees them together. Nothing is trained or written here.
enum SitePlanner {
    static let directiveKinds: Set<String> = DirectiveKind.names

    /// Every metric a gan-compare may chart: metrics.csv columns and the evaluation's curves.
    static let compareMetrics: [String] = MetricsLog.columns
        + EvaluationKey.all.filter { $0 != EvaluationKey.divergedAtIteration }

    /// Every column a gan-table may name: metrics.csv columns, the keys GAN's evaluation writes
    /// to eval.json (a test checks that trained runs write no others), and the provenance timings.
    static let tableColumns: [String] = MetricsLog.columns
        + Evaluation.keys
        + [TableViewBuilder.imagesPerSecond, TableViewBuilder.wallSeconds]

    /// Every page's directives decoded and hashed; every problem of every page is one error.
    /// - Parameter pageProblems: problems found while reading the pages, reported with the
    ///   directives' problems.
    static func plan(_ pages: [Page], pageProblems: [Error] = []) throws -> SitePlan {
        var problems: [Error] = pageProblems
        var planned: [PlannedPage] = []
        for page in pages {
            var blocks: [PlannedBlock] = []
            var ids: [String: Int] = [:]
            var targets = ClaimTargets()
            targets.pageSlugs = pages.filter { !$0.isIndex }.map(\.slug)
            targets.isIndexPage = page.isIndex
            var runNumber = 0
            var written: [(block: Int, expectations: [WrittenExpectation])] = []
            var checks: [(block: Int, directive: Directive)] = []
            var values: [(block: Int, value: InlineValue)] = []
            for block in page.blocks {
                switch block {
                case .prose(let html):
                    blocks.append(.prose(html))
                case .value(let value):
                    values.append((blocks.count, value))
                    blocks.append(.prose(""))
                case .directive(let directive):
                    do {
                        guard let kind = DirectiveKind(rawValue: directive.kind) else {
                            preconditionFailure("Notebook returned a directive of an unknown kind \(directive.kind)")
                        }
                        if page.isIndex {
                            throw BookError(file: page.sourcePath, line: directive.line,
                                            message: "the index page lists the notebook; experiments belong on a topic page",
                                            hint: "move this \(directive.kind) block to another page")
                        }
                        switch kind {
                        case .gan:
                            runNumber += 1
                            let decoded = try GanDirectiveDecoder(file: page.sourcePath, firstLine: directive.line).decode(directive.body)
                            let id = decoded.id ?? "run-\(runNumber)"
                            if let first = ids[id] {
                                throw BookError(file: page.sourcePath, line: directive.line,
                                                message: "id \(id) is already used on this page (line \(first))",
                                                hint: "give each gan block a different id")
                            }
                            ids[id] = directive.line
                            written.append((blocks.count, decoded.expectations))
                            if decoded.children.isEmpty {
                                let run = PlannedRun(id: id, caption: decoded.caption, config: decoded.config,
                                                     hash: decoded.config.runHash, line: directive.line)
                                targets.add(run)
                                blocks.append(.run(run))
                            } else {
                                let children = decoded.children.map { child in
                                    PlannedRun(id: "\(id)[\(child.label)]", caption: nil, config: child.config,
                                               hash: child.config.runHash, line: directive.line)
                                }
                                let sweep = PlannedSweep(id: id, caption: decoded.caption, line: directive.line,
                                                         children: children, labels: decoded.children.map(\.label))
                                targets.add(sweep)
                                blocks.append(.sweep(sweep))
                            }
                        case .compare, .table:
                            blocks.append(.display(try DisplayDirective.decode(
                                kind: kind == .compare ? .compare : .table, yaml: directive.body,
                                file: page.sourcePath, firstLine: directive.line)))
                        case .check:
                            checks.append((blocks.count, directive))
                            blocks.append(.check(PlannedCheck(line: directive.line, claims: [])))
                        }
                    } catch {
                        problems.append(error)
                    }
                }
            }
            // Claims are read once every run of the page is known: a claim may name a later block.
            let claims = ClaimPlanner(file: page.sourcePath, targets: targets)
            for (index, expectations) in written {
                do { blocks[index] = try claims.attach(expectations, to: blocks[index]) } catch { problems.append(error) }
            }
            for (index, directive) in checks {
                do { blocks[index] = .check(try claims.check(directive)) } catch { problems.append(error) }
            }
            for (index, value) in values {
                do { blocks[index] = .value(try claims.value(value)) } catch { problems.append(error) }
            }
            problems += checkReferences(blocks, targets: targets, page: page)
            if let problem = checkOutputName(page) { problems.append(problem) }
            planned.append(PlannedPage(page: page, blocks: blocks, targets: targets))
        }
        if let problem = combine(problems) { throw problem }
        return SitePlan(pages: planned)
    }

    /// Longest file name most file systems take (bytes); a page's HTML file must fit, or its
    /// write would fail after every run had trained.
    static let maximumFileNameBytes = 255

    static func checkOutputName(_ page: Page) -> Error? {
        let name = "\(page.slug).html"
        guard name.utf8.count > maximumFileNameBytes else { return nil }
        return BookError(file: page.sourcePath,
                         message: "the page's name is too long for its HTML file (\(name.utf8.count) bytes in \(name.prefix(24))…)",
                         hint: "rename the page: its HTML file name may have at most \(maximumFileNameBytes) bytes")
    }

    /// gan-compare and gan-table may only name runs of their own page.
    static func checkReferences(_ blocks: [PlannedBlock], targets: ClaimTargets, page: Page) -> [Error] {
        let ids = targets.ids
        var problems: [Error] = []
        for case .display(let display) in blocks {
            let name = display.kind == .compare ? "gan-compare" : "gan-table"
            for (id, line) in zip(display.runs, display.runLines) where !ids.contains(id) {
                problems.append(BookError(file: page.sourcePath, line: line,
                                          message: "\(name): runs: no gan block on this page has id \(id)",
                                          hint: ClosestName.hint(for: id, among: ids.sorted(), allowed: "ids on this page")))
            }
            if display.kind == .compare && !display.metric.isEmpty && !compareMetrics.contains(display.metric) {
                problems.append(BookError(file: page.sourcePath, line: display.metricLine ?? display.line,
                                          message: "gan-compare: metric: unknown metric \(display.metric)",
                                          hint: ClosestName.hint(for: display.metric, among: compareMetrics,
                                                                 allowed: "metrics.csv and evaluation.csv columns")))
            }
            // Checked here rather than only when rendering, so a typo fails before any training.
            for (column, line) in zip(display.columns, display.columnLines) where !tableColumns.contains(column) {
                problems.append(BookError(file: page.sourcePath, line: line,
                                          message: "gan-table: columns: unknown column \(column)",
                                          hint: ClosestName.hint(for: column, among: tableColumns,
                                                                 allowed: "metrics.csv columns, eval.json keys, timings")))
            }
            if display.kind == .table { problems += checkMixtureColumns(display, blocks: blocks, targets: targets, page: page) }
        }
        return problems
    }

    /// The mixture's numbers exist only for 2-D runs: a table of image runs naming one would fail
    /// only when rendering, after training.
    static func checkMixtureColumns(_ display: DisplayDirective, blocks: [PlannedBlock], targets: ClaimTargets,
                                    page: Page) -> [Error] {
        let runs = PlannedPage(page: page, blocks: blocks).runs
        let chosen = display.runs.isEmpty ? runs : display.runs.flatMap { targets.runs[$0] ?? [] }
        guard !chosen.isEmpty, chosen.allSatisfy({ $0.config.dataset.isImage }) else { return [] }
        return zip(display.columns, display.columnLines).filter { EvaluationKey.mixtureKeys.contains($0.0) }.map { column, line in
            BookError(file: page.sourcePath, line: line,
                      message: "gan-table: columns: \(column) is measured only for 2-D mixtures (ring8, grid25), "
                          + "and none of this table's runs trains on one",
                      hint: "drop the column, or add a ring8 or grid25 run to the table")
        }
    }

    /// One problem as it is; several (an error may carry more than one) as one error that
    /// lists them all, one line each.
    static func combine(_ problems: [Error]) -> Error? {
        let flat = problems.flatMap(separate)
        if flat.count <= 1 { return flat.first }
        return BookError(file: "", message: "\(flat.count) problems, nothing was trained:\n"
                         + flat.map { "  \($0)" }.joined(separator: "\n"))
    }

    /// Each problem an error carries, alone.
    static func separate(_ error: Error) -> [Error] {
        switch error {
        case let error as BookError: return error.all
        case let error as GANError: return error.all
        case let error as NotebookError: return error.all
        case let error as DirectiveProblems: return error.problems.flatMap(separate)
        default: return [error]
        }
    }
}
