import Foundation

/// A results cache outside the site (on a shared filesystem, written by cluster workers) beside
/// the site's own `site/runs/`. Runs train into the shared cache; a build copies the entries its
/// pages use into `site/runs/`, so the published site stands alone.
///
/// An entry is found by its hash and verified, never judged by modification times (clocks of
/// cluster nodes differ, and a shared filesystem may not keep them): a verified entry under a hash
/// is that run's result, wherever it was trained.
struct SharedCache {
    let site: RunCache
    let shared: RunCache
    let console: Console

    /// Where a run is cached already (the site first), nil when nowhere; damage in either is an error.
    func cachedFolder(_ hash: String) throws -> URL? {
        for cache in [site, shared] {
            switch cache.state(hash) {
            case .present: return cache.entry(hash)
            case .damaged(let error): throw error
            case .absent: continue
            }
        }
        return nil
    }

    /// The runs of `missing` (absent from the site) that the shared cache lacks too.
    func stillMissing(_ missing: [(run: PlannedRun, page: PlannedPage)]) throws -> [(run: PlannedRun, page: PlannedPage)] {
        var problems: [Error] = [], left: [(run: PlannedRun, page: PlannedPage)] = []
        for item in missing {
            switch shared.state(item.run.hash) {
            case .present: break
            case .absent: left.append(item)
            case .damaged(let error): problems.append(error)
            }
        }
        if let problem = SitePlanner.combine(problems) { throw problem }
        return left
    }

    /// Copies every entry the plan uses from the shared cache into `site/runs/` where the site
    /// lacks it: verified before, written all at once (temporary folder and rename inside
    /// `site/runs/`), and checked byte for byte against the source after. Returns how many.
    @discardableResult
    func publish(_ plan: SitePlan) throws -> Int {
        var copied = 0
        for item in plan.distinctRuns {
            let hash = item.run.hash
            guard case .absent = site.state(hash), case .present = shared.state(hash) else { continue }
            let files = try read(shared.entry(hash), hash: hash)
            let lock = try site.lockRun(hash) {
                console.line("waiting for another build that is copying run \(hash.prefix(12)) into the site")
            }
            defer { lock.release() }
            guard case .absent = site.state(hash) else { continue }
            try BuildInterruption.writing { _ = try site.store(hash, files: files) }
            try checkCopy(hash, files: files)
            copied += 1
        }
        if copied > 0 { console.line("copied \(copied) run(s) from \(shared.root.path) into \(site.root.path)") }
        return copied
    }

    /// Every file of a verified entry (regular files only: the verifier refuses anything else).
    func read(_ folder: URL, hash: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let verifier = EntryVerifier(folder: folder, hash: hash, depth: .quick)
        for path in try verifier.checkedFiles() { files[path] = try verifier.read(path) }
        return files
    }

    /// The copy verifies and holds exactly the source's bytes; otherwise it is removed (it is our
    /// own, just written) and the build stops.
    func checkCopy(_ hash: String, files: [String: Data]) throws {
        let copy = site.entry(hash)
        var problem: BookError?
        if case .damaged(let error) = site.check(hash, depth: .quick) { problem = error }
        if problem == nil, try read(copy, hash: hash) != files {
            problem = BookError(file: copy.path, message: "the copy differs from \(shared.entry(hash).path)")
        }
        guard var problem else { return }
        try? site.remove(hash)
        problem.hint = "the copy was removed; check the filesystem of \(site.root.path) and build again"
        throw problem
    }
}
