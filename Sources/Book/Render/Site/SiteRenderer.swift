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
}
