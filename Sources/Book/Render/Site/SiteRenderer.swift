import Foundation

/// Turns view models into the site's HTML with a `TemplateSet`, and copies the template
/// folder's assets into the site. Output depends only on the views and the templates.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Loads the templates in `templatesFolder`.
    public init(templatesFolder: URL) throws {
        self.init(templates: try TemplateSet.load(from: templatesFolder))
    }

    /// The HTML of one notebook page.
    public func renderPage(_ page: PageView) -> String {
        templates.render(page, template: "page")
    }

    /// The HTML of the index page.
    public func renderIndex(_ index: IndexView) -> String {
        templates.render(index, template: "index")
    }

    /// Copies every non-template file of the templates folder (style.css, evolution.js, …) into
    /// `siteFolder` at the same relative path. Files already identical are left untouched, so a
    /// second build changes nothing. Returns the relative paths of the assets.
    @discardableResult
    public func copyAssets(into siteFolder: URL) throws -> [String] {
        let files = FileManager.default
        for path in templates.assetPaths {
            let source = templates.folder.appendingPathComponent(path)
            let target = siteFolder.appendingPathComponent(path)
            guard let data = files.contents(atPath: source.path) else {
                throw BookError(file: source.path, message: "cannot read template asset")
            }
            if files.contents(atPath: target.path) == data { continue }
            do {
                try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target, options: .atomic)
            } catch {
                throw BookError(file: target.path, message: "cannot write asset (\(error.localizedDescription))",
                                hint: "check that the site folder is writable")
            }
        }
        return templates.assetPaths
    }
}
