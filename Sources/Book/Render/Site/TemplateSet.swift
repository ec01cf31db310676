import Foundation
import Mustache

/// The site's look: every `.mustache` file of a templates folder (named by its path without the
/// extension, so `experiment.mustache` is the partial `{{>experiment}}`), plus the static assets
/// beside them (CSS, scripts), which are copied into the site as they are.
public struct TemplateSet: Sendable {
    /// Templates the renderer calls by name; a folder without one of them is an error.
    public static let requiredTemplates = ["page", "index", "experiment", "compare", "table"]
    static let templateExtension = ".mustache"
    /// Far above any template; a larger file is refused before it is read.
    static let maximumTemplateBytes = 4 << 20

    public let folder: URL
    /// Names of all templates, sorted.
    public let templateNames: [String]
    /// Paths of the asset files relative to `folder`, sorted.
    public let assetPaths: [String]
    private let library: MustacheLibrary

    public static func load(from folder: URL) throws -> TemplateSet {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BookError(file: folder.path, message: "templates folder not found",
                            hint: "it holds page.mustache, index.mustache, the partials, style.css and evolution.js")
        }
        var library = MustacheLibrary()
        var names: [String] = []
        var assets: [String] = []
        var includes = TemplateIncludes()
        for path in try filePaths(under: folder) {
            guard path.hasSuffix(templateExtension) else {
                assets.append(path)
                continue
            }
            let name = String(path.dropLast(templateExtension.count))
            let url = folder.appendingPathComponent(path)
            if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
               size > maximumTemplateBytes {
                throw BookError(file: url.path, message: "the template is \(size) bytes, more than the \(maximumTemplateBytes) a template may have",
                                hint: "a template is a page of HTML with a few tags")
            }
            guard let data = try? Data(contentsOf: url) else {
                throw BookError(file: url.path, message: "cannot read template")
            }
            let text = String(decoding: data, as: UTF8.self)
            if let line = TemplateNestingScan.firstExcess(in: text) {
                throw BookError(file: url.path, line: line,
                                message: "sections nested more than \(TemplateNestingScan.maximumDepth) deep",
                                hint: "close sections with {{/name}} before opening more")
            }
            do {
                let template = try MustacheTemplate(string: text)
                library.register(template, named: name)
                includes.add(name, file: url.path, text: text, references: TemplatePartials.references(in: template))
            } catch let error as MustacheTemplate.ParserError {
                throw BookError(file: url.path, line: error.context.lineNumber,
                                message: "template syntax error (\(error.error)) at column \(error.context.columnNumber)",
                                hint: "check that every {{#section}} is closed by a matching {{/section}}")
            }
            names.append(name)
        }
        for required in requiredTemplates where !names.contains(required) {
            throw BookError(file: folder.appendingPathComponent(required + templateExtension).path,
                            message: "template missing",
                            hint: "the templates folder needs \(requiredTemplates.map { $0 + templateExtension }.joined(separator: ", "))")
        }
        try includes.check()
        return TemplateSet(folder: folder, templateNames: names, assetPaths: assets, library: library)
    }

    /// Renders `object` (a view struct) with the named template; `{{ }}` escapes HTML, `{{{ }}}` does not.
    func render(_ object: Any, template name: String) -> String {
        guard let text = library.render(object, withTemplate: name) else {
            preconditionFailure("template \(name) is not loaded; required templates are checked at load")
        }
        return text
    }

    /// Regular files under `folder`, relative, sorted, hidden files and folders skipped. Anything
    /// else that is not a folder (a FIFO, a device, a socket) is an error: reading it would block
    /// or never end.
    private static func filePaths(under folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = folder.appendingPathComponent(path).path
            // stat follows symbolic links: what matters is what a read would open.
            var status = stat()
            guard stat(full, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFREG: paths.append(path)
            case S_IFDIR: continue
            default:
                throw BookError(file: full, message: "not a regular file",
                                hint: "the templates folder holds templates, stylesheets and scripts; remove it")
            }
        }
        return paths.sorted()
    }
}
