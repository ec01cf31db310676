import Foundation

extension SharedCache {
    /// The shared cache a build uses (`--cache`, else `$GANBOOK_CACHE_DIR`), nil for none.
    static func forBuild(_ stages: BuildStages, option: String?) -> SharedCache? {
        CacheLocation.resolve(option: option).map {
            SharedCache(site: stages.cache, shared: RunCache(root: $0), console: stages.console)
        }
    }

    /// Stages that train into the shared cache.
    func trainingStages(_ stages: BuildStages) -> BuildStages {
        var training = BuildStages(content: stages.content, site: stages.site, templates: stages.templates,
                                   console: stages.console, cache: shared)
        training.cpu = stages.cpu
        return training
    }
}
