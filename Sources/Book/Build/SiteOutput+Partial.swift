import Foundation

extension SiteOutput {
    /// Writes some of the site's files (a page rendered while others still train, or `--only`)
    /// without removing anything: the manifest gains the written paths and keeps every other,
    /// so the next full build still knows them. `index.html` last. Returns how many changed.
    func writeSome(_ files: [String: Data]) throws -> Int {
        try SiteOutput.ensureFolder(siteURL, what: "site folder")
        let lock = try FileLock.acquire(siteURL.appendingPathComponent(SiteOutput.lockName), wait: true)!
        defer { lock.release() }
        let previous = try SiteManifest.read(in: siteURL) ?? SiteManifest()
        try refuseHandWritten(files.mapValues { Optional($0) }, previous: previous)
        let written = SiteManifest(files: files)
        // Listed with the old bytes and the new before writing, as the full write does.
        try writeManifest(written.merging(previous))
        var changed = 0
        let order = files.keys.filter { $0 != SiteRendering.index }.sorted() + files.keys.filter { $0 == SiteRendering.index }
        for path in order where try writeIfChanged(files[path]!, path: path) { changed += 1 }
        var after = previous
        for (path, digests) in written.digests { after.digests[path] = digests }
        try writeManifest(after)
        return changed
    }
}
