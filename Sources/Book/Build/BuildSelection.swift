import Diagnostics
import Foundation

/// What `--only PAGE` and `--rerun ID|HASH` pick out of the plan, or an error naming the
/// unknown page or run with the closest name.
struct BuildSelection {
    /// The pages this build trains for: all, or the chosen page and the index.
    let plan: SitePlan
    /// The slug of the `--only` page.
    let onlySlug: String?
    /// Runs to train again although cached.
    let rerun: [(run: PlannedRun, page: PlannedPage)]

    init(plan full: SitePlan, only: String?, rerun requests: [String]) throws {
        if let only {
            let slug = try BuildSelection.page(only, in: full)
            onlySlug = slug
            plan = SitePlan(pages: full.pages.filter { $0.page.slug == slug || $0.page.isIndex })
        } else {
            onlySlug = nil
            plan = full
        }
        var chosen: [(run: PlannedRun, page: PlannedPage)] = []
        for request in requests {
            for item in try BuildSelection.runs(request, in: full) where !chosen.contains(where: { $0.run.hash == item.run.hash }) {
                chosen.append(item)
            }
        }
        rerun = chosen
    }

    /// The slug of the page named by slug, file name or path.
    static func page(_ name: String, in plan: SitePlan) throws -> String {
        let wanted = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        if let page = plan.pages.first(where: { $0.page.slug == wanted }) { return page.page.slug }
        let slugs = plan.pages.map(\.page.slug)
        let suggestion = NameSuggestion.closest(to: wanted, among: slugs).map { "did you mean \($0)? " } ?? ""
        throw BookError(file: "", message: "--only \(name): no such page",
                        hint: suggestion + "pages: " + slugs.joined(separator: ", "))
    }

    /// The runs a `--rerun` request names: a run hash (or a prefix of at least 6 digits), an
    /// id, or page/id; the id of a `seeds:`/`sweep:` block names all its children. An id used on
    /// several pages with different configurations must be page/id.
    static func runs(_ request: String, in plan: SitePlan) throws -> [(run: PlannedRun, page: PlannedPage)] {
        let all = plan.pages.flatMap { page in page.runs.map { (run: $0, page: page) } }
        let lower = request.lowercased()
        var found = all.filter { "\($0.page.page.slug)/\($0.run.id)" == request }
        if found.isEmpty { found = all.filter { $0.run.id == request } }
        if found.isEmpty, let children = try sweepChildren(request, in: plan) { return children }
        if found.isEmpty, lower.count >= 6, lower.allSatisfy(\.isHexDigit) {
            found = all.filter { $0.run.hash.hasPrefix(lower) }
        }
        var distinct: [(run: PlannedRun, page: PlannedPage)] = []
        for item in found where !distinct.contains(where: { $0.run.hash == item.run.hash }) { distinct.append(item) }
        if distinct.count > 1 {
            throw BookError(file: "", message: "--rerun \(request) names \(distinct.count) different runs: "
                            + distinct.map { "\($0.page.page.slug)/\($0.run.id) (\($0.run.hash.prefix(12)))" }.joined(separator: ", "),
                            hint: "name one as page/id or by its hash")
        }
        guard let item = distinct.first else {
            let sweeps = plan.pages.flatMap { page in page.targets.sweeps.sorted().map { "\(page.page.slug)/\($0)" } }
            let names = all.map { "\($0.page.page.slug)/\($0.run.id)" } + sweeps
            let suggestion = NameSuggestion.closest(to: request, among: names + all.map(\.run.id)).map { "did you mean \($0)? " } ?? ""
            throw BookError(file: "", message: "--rerun \(request): no run of any page has this id or hash",
                            hint: suggestion + (names.isEmpty ? "the notebook has no gan block" : "runs: " + names.prefix(20).joined(separator: ", ")))
        }
        return [item]
    }

    /// The children of the sweep a request names (`id` or `page/id`), nil when it names none. The
    /// same sweep id on several pages with different children must be page/id.
    static func sweepChildren(_ request: String, in plan: SitePlan) throws -> [(run: PlannedRun, page: PlannedPage)]? {
        func children(of page: PlannedPage, _ id: String) -> [(run: PlannedRun, page: PlannedPage)]? {
            guard page.targets.sweeps.contains(id) else { return nil }
            return (page.targets.runs[id] ?? []).map { (run: $0, page: page) }
        }
        var matches = plan.pages.compactMap { page in children(of: page, request).map { (page, $0) } }
        if matches.isEmpty { matches = plan.pages.compactMap { page in
            request.hasPrefix(page.page.slug + "/") ? children(of: page, String(request.dropFirst(page.page.slug.count + 1))).map { (page, $0) } : nil
        } }
        guard let first = matches.first else { return nil }
        let differing = matches.filter { $0.1.map(\.run.hash) != first.1.map(\.run.hash) }
        if !differing.isEmpty {
            throw BookError(file: "", message: "--rerun \(request) names sweeps of different runs on pages "
                            + matches.map(\.0.page.slug).joined(separator: ", "),
                            hint: "name one as page/id")
        }
        return first.1
    }
}
