import Foundation

/// Writes the pages whose runs are all cached, whenever asked (after each run trains) and at
/// the end. The end of a build that covers every page writes through the manifest as the plain
/// build does (stale pages removed); otherwise pages are added and nothing is removed.
final class ProgressiveWriter {
    let stages: BuildStages
    let templates: LoadedTemplates
    let full: SitePlan
    let onlySlug: String?
    let keepGoing: Bool
    private(set) var writtenPages = 0

    init(stages: BuildStages, templates: LoadedTemplates, full: SitePlan, onlySlug: String?, keepGoing: Bool) {
        self.stages = stages
        self.templates = templates
        self.full = full
        self.onlySlug = onlySlug
        self.keepGoing = keepGoing
    }

    /// Hashes of the notebook's runs without a verified entry now.
    func untrained() -> Set<String> {
        Set(full.distinctRuns.map(\.run.hash).filter { hash in
            if case .present = stages.cache.state(hash) { return false } else { return true }
        })
    }

    /// Pages every run of which has a verified entry now.
    func complete(untrained: Set<String>) -> [PlannedPage] {
        full.pages.filter { page in page.runs.allSatisfy { !untrained.contains($0.hash) } }
    }

    /// The complete pages rendered; values that need a run of another page not trained yet read
    /// "(not trained)" meanwhile. The final render with --keep-going adds the build's pages
    /// whose runs failed, their blocks marked "not trained". With --keep-going, and while runs
    /// still train (`tolerant`), a page that fails to render alone is left out (and named); the
    /// final render reports it.
    func render(tolerant: Bool = false) throws -> (files: [String: Data], pages: [PlannedPage], failures: [String]) {
        let missing = untrained()
        var pages = complete(untrained: missing)
        if keepGoing && !tolerant {
            pages = full.pages.filter { page in
                pages.contains { $0.page.slug == page.page.slug } || onlySlug == nil || page.page.slug == onlySlug
            }
        }
        var failures: [String] = []
        var rendering = SiteRendering(templates: templates, entry: stages.cache.load,
                                      math: MathTypesetter.forNotebook(content: stages.content))
        rendering.marksFailedClaims = keepGoing
        rendering.untrained = missing
        rendering.notebook = full
        if keepGoing && !tolerant {
            // Rendered with the failed claims marked; the build still fails, naming each.
            for page in pages {
                let failed = ((try? rendering.checkClaims(page)) ?? []).filter { !$0.passed }
                failures += failed.map { "\($0.failure)" }
            }
        }
        if keepGoing || tolerant {
            pages = pages.filter { page in
                do { _ = try rendering.renderPage(page, siteTitle: SiteRendering.defaultSiteTitle); return true } catch {
                    failures.append("\(page.page.sourcePath): not rendered: \(error)")
                    return false
                }
            }
        }
        var files = try rendering.render(SitePlan(pages: pages))
        if let onlySlug {
            files = files.filter { path, _ in
                path == SiteRendering.index || path == "\(onlySlug).html" || !path.hasSuffix(".html") || path.contains("/")
            }
            pages = pages.filter { $0.page.slug == onlySlug || $0.page.isIndex }
        }
        return (files, pages, failures)
    }

    /// Adds the complete pages to the site (removes nothing).
    func writeReady() throws -> Int {
        let rendered = try render(tolerant: true)
        writtenPages = rendered.pages.count
        return try SiteOutput(siteURL: stages.site).writeSome(rendered.files)
    }

    /// The final write; returns the files changed and the pages that could not be rendered.
    func finish() throws -> (changed: Int, failures: [String]) {
        let rendered = try render()
        writtenPages = rendered.pages.count
        let everything = onlySlug == nil && rendered.pages.count == full.pages.count
        let changed = everything ? try stages.write(rendered.files) : try SiteOutput(siteURL: stages.site).writeSome(rendered.files)
        return (changed, rendered.failures)
    }
}
