import Foundation

/// KaTeX's stylesheet and fonts, copied from Debian's libjs-katex into the site (`assets/katex/`)
/// when a page holds typeset math, so nothing is fetched from elsewhere at view time. Only the
/// WOFF2 fonts ship: every browser that runs KaTeX's CSS reads them, and it lists them first.
enum KatexAssets {
    static let folder = "/usr/share/javascript/katex"
    static let sitePath = "assets/katex/"
    static let stylesheet = "katex.min.css"

    /// Site path → bytes; an error naming the folder when the stylesheet is missing.
    static func files(from folder: String = folder) throws -> [String: Data] {
        let root = URL(fileURLWithPath: folder)
        guard let css = FileManager.default.contents(atPath: root.appendingPathComponent(stylesheet).path) else {
            throw BookError(file: root.appendingPathComponent(stylesheet).path, message: "KaTeX's stylesheet is missing, so typeset math cannot be styled",
                            hint: "install Debian's libjs-katex (the katex command's own dependency)")
        }
        var files = [sitePath + stylesheet: css]
        let fonts = root.appendingPathComponent("fonts")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? []).sorted() where name.hasSuffix(".woff2") {
            if let data = FileManager.default.contents(atPath: fonts.appendingPathComponent(name).path) {
                files[sitePath + "fonts/" + name] = data
            }
        }
        return files
    }
}
