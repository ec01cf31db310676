/// The author's commands: new pages, cache listing and upkeep, and the build a preview server redoes.
extension Ganbook {
    /// `ganbook new "Title"`: creates `content/<slug>.md` (never over a file); returns its path.
    public static func newPage(_ options: NewPageOptions) throws -> String {
        try NewPage(options: options).create()
    }

    /// `ganbook runs list`.
    public static func listRunEntries(_ options: RunsOptions) throws {
        try RunsListing(options: options, console: .standard).run()
    }

    /// `ganbook runs verify`: reports every damaged entry; deletes nothing.
    public static func verifyRuns(_ options: RunsOptions) throws {
        try RunsVerification(options: options, console: .standard).run()
    }

    /// `ganbook runs gc [--dry-run]`: removes the entries no page references.
    public static func collectRuns(_ options: RunsOptions) throws {
        try RunsCollection(options: options, console: .standard).run()
    }

    /// One build for `ganbook serve --watch`, repeated in one process: SIGINT and SIGTERM are
    /// caught once, for the whole session, and end it as safely as they end `ganbook build`.
    public static func previewBuild(_ options: BuildOptions) throws {
        if BuildInterruption.active == nil {
            BuildInterruption.install(afterword: "site files not yet written keep their previous version (each file is whole)")
        }
        try SiteBuilder(options: options, console: .standard).build()
    }
}
