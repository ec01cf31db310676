import Foundation

/// The templates and the bytes of their static assets, read once before anything trains.
struct LoadedTemplates {
    let renderer: SiteRenderer
    /// Asset path relative to the site (style.css, …) → bytes.
    let assets: [String: Data]

    static func load(from folder: URL) throws -> LoadedTemplates {
        try SourceContainment.check(folder: folder, what: "template file",
                                    paths: SourceContainment.templatePaths(in: folder))
        let renderer = try SiteRenderer(templatesFolder: folder)
        var assets: [String: Data] = [:]
        for path in renderer.templates.assetPaths {
            let url = folder.appendingPathComponent(path)
            // The site's runs/ is the results cache: an asset there would be written into entries.
            if path.split(separator: "/").first == "runs" {
                throw BookError(file: url.path, message: "template asset would be copied into the site's runs/ folder, the results cache",
                                hint: "move it to another folder of the templates")
            }
            guard FileKind.of(FileKind.resolved(url.path)) == .regular else {
                throw BookError(file: url.path, message: "template asset is not a regular file")
            }
            do { assets[path] = try Data(contentsOf: url) } catch {
                throw FileProblem.error(url.path, "read template asset", error)
            }
        }
        return LoadedTemplates(renderer: renderer, assets: assets)
    }
}
