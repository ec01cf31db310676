/// `ganbook runs verify`: every cache entry checked fully (config.json hashed again against the
/// folder name, every file present and whole, every PNG decoded). Reports; never deletes.
struct RunsVerification {
    let options: RunsOptions
    let console: Console

    func run() throws {
        let cache = RunCache(site: BuildStages(content: options.content, site: options.site, templates: "",
                                               console: console).site)
        var damaged: [BookError] = []
        let hashes = cache.hashes()
        for hash in hashes {
            if case .damaged(let error) = cache.check(hash, depth: .full) {
                damaged.append(error)
                console.line("\(hash.prefix(12))  DAMAGED  \(error)")
            } else {
                console.line("\(hash.prefix(12))  ok")
            }
        }
        console.line("verified \(hashes.count) entr\(hashes.count == 1 ? "y" : "ies"): \(hashes.count - damaged.count) ok, \(damaged.count) damaged; nothing was deleted")
        if !damaged.isEmpty {
            throw BookError(file: cache.root.path, message: "\(damaged.count) damaged entr\(damaged.count == 1 ? "y" : "ies")",
                            hint: "delete a damaged folder (the command is printed above) and build again to retrain it")
        }
    }
}
