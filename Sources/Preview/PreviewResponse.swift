import Foundation

/// An answer of the preview server, independent of the HTTP library.
struct PreviewResponse: Equatable {
    var status: Int
    var headers: [String: String]
    var body: Data

    static func notFound(_ path: String) -> PreviewResponse {
        let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body>"
            + "<h1>404 Not found</h1><p>Nothing in site/ answers to <code>\(HTMLText.escape(path))</code>.</p>"
            + "<p><a href=\"/\">The notebook's index</a></p></body></html>"
        return PreviewResponse(status: 404, headers: ["Content-Type": ContentType.html], body: Data(page.utf8))
    }
}
