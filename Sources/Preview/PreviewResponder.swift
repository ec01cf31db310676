import Foundation

/// Answers a GET or HEAD for a raw request path: a site file with its content type (HTML with
/// the reload script when watching), the build status for the script, a redirect for a folder
/// without its slash, or a 404 page. Never anything outside the site folder.
struct PreviewResponder {
    let resolver: SiteFileResolver
    /// Present when serving with --watch: pages get the reload script.
    let status: PreviewStatus?

    init(site: URL, status: PreviewStatus?) {
        resolver = SiteFileResolver(site: site)
        self.status = status
    }

    func respond(method: String, rawPath: String) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else {
            return PreviewResponse(status: 405, headers: ["Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"],
                                   body: Data("only GET and HEAD\n".utf8))
        }
        if let status, rawPath == ReloadScript.statusPath {
            return PreviewResponse(status: 200, headers: ["Content-Type": "application/json", "Cache-Control": "no-store"],
                                   body: status.json)
        }
        var response: PreviewResponse
        switch resolver.resolve(rawPath: rawPath) {
        case .notFound:
            response = .notFound(rawPath)
        case .redirect(let location):
            response = PreviewResponse(status: 301, headers: ["Location": location], body: Data())
        case .file(let url):
            guard let data = SiteFileReader.read(url) else { return .notFound(rawPath) }
            let type = ContentType.of(url.lastPathComponent)
            var body = data
            if let status, type == ContentType.html {
                let (version, error) = status.current
                body = Data(ReloadScript.inject(into: String(decoding: data, as: UTF8.self), version: version,
                                                buildError: error).utf8)
            }
            response = PreviewResponse(status: 200, headers: ["Content-Type": type, "Cache-Control": "no-cache"], body: body)
        }
        if response.status == 404, let status {
            // The reload script too, and the error when a failed build left the page unwritten.
            let (version, error) = status.current
            response.body = Data(ReloadScript.inject(into: String(decoding: response.body, as: UTF8.self),
                                                     version: version, buildError: error).utf8)
        }
        if method == "HEAD" { response.headers["Content-Length"] = String(response.body.count); response.body = Data() }
        return response
    }
}
