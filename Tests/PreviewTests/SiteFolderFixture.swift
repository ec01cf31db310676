import Foundation

/// A temporary site folder with pages, a sub folder, an asset, and a secret beside it (outside
/// the site) that links inside the site point at.
final class SiteFolderFixture {
    let root: URL
    var site: URL { root.appendingPathComponent("site") }
    var secret: URL { root.appendingPathComponent("secret.txt") }
    static let secretText = "SECRET-OUTSIDE-THE-SITE"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ganbook-serve-\(UUID().uuidString)")
        let files = FileManager.default
        try files.createDirectory(at: site.appendingPathComponent("runs/abc"), withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try write("index.html", "<!doctype html><html><body><h1>Index</h1></body></html>")
        try write("page.html", "<!doctype html><html><body><p>A page</p></body></html>")
        try write("style.css", "body{}")
        try write("runs/abc/loss.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try write("runs/abc/index.html", "<html><body>run</body></html>")
        try write("%2e%2e", "a file literally named %2e%2e")
        try Data(Self.secretText.utf8).write(to: secret)
        try Data(Self.secretText.utf8).write(to: root.appendingPathComponent("outside/index.html"))
        try files.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: secret.path)
        try files.createSymbolicLink(atPath: site.appendingPathComponent("out").path,
                                     withDestinationPath: root.appendingPathComponent("outside").path)
        try files.createSymbolicLink(atPath: site.appendingPathComponent("alias.html").path, withDestinationPath: "page.html")
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: site.appendingPathComponent(path))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }

    /// Request targets that try to reach the secret: `..` in every spelling, absolute paths,
    /// backslashes, NUL, and links out of the site.
    var escapes: [String] {
        let up = "../secret.txt"
        return [
            "/" + up, "/runs/../../secret.txt", "/runs/abc/../../../secret.txt",
            "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e%2e%2fsecret.txt",
            "/runs%2f..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
            "/..%5csecret.txt", "/%5c..%5csecret.txt", "/..\\secret.txt",
            "/" + secret.path, "//" + secret.path.dropFirst(), "/%2f" + secret.path.dropFirst(),
            "/page.html%00.txt", "/%00../secret.txt",
            "/leak.txt", "/out/index.html", "/out/", "/out",
        ]
    }
}
