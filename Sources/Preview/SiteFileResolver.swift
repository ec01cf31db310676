import Foundation

/// Maps a request path onto a regular file inside the site folder, or nothing. The raw
/// (percent-encoded) path is decoded exactly once, so `%252e%252e` stays the name `%2e%2e`;
/// a NUL, a backslash, a `..` or `.` component is refused outright; and the file's real path
/// (every link resolved) must lie inside the site's real path, so no link leads out.
struct SiteFileResolver {
    let siteRoot: String

    init(site: URL) {
        siteRoot = URL(fileURLWithPath: site.path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: the browser must come back with one,
        /// or the folder's relative links would resolve against its parent.
        case redirect(String)
        case notFound
    }

    func resolve(rawPath: String) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\") else { return .notFound }
        var components: [String] = []
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." || component == "." { return .notFound }
            components.append(String(component))
        }
        let wantsFolder = decoded.hasSuffix("/") || components.isEmpty
        let relative = components.joined(separator: "/")
        guard let real = realPath(siteRoot + "/" + relative), isInside(real) else { return .notFound }
        switch kind(real) {
        case .folder:
            guard wantsFolder else { return .redirect("/" + relative + "/") }
            guard let index = realPath(real + "/index.html"), isInside(index), kind(index) == .file else { return .notFound }
            return .file(URL(fileURLWithPath: index))
        case .file:
            return wantsFolder ? .notFound : .file(URL(fileURLWithPath: real))
        case .other:
            return .notFound
        }
    }

    private func isInside(_ path: String) -> Bool { path == siteRoot || path.hasPrefix(siteRoot + "/") }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private enum Kind { case file, folder, other }

    private func kind(_ path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other  // FIFOs, devices, sockets: never opened
        }
    }
}
