/// Which directives use each run hash, as `page/id`, from a plan.
struct RunUsers {
    let byHash: [String: [String]]

    init(_ plan: SitePlan) {
        var users: [String: [String]] = [:]
        for page in plan.pages {
            for run in page.runs { users[run.hash, default: []].append("\(page.page.slug)/\(run.id)") }
        }
        byHash = users
    }

    func names(_ hash: String) -> String { byHash[hash]?.joined(separator: ", ") ?? "unused" }
}
