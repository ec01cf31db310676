import Book

/// `ganbook serve`: where to listen, the site to serve and, with `watch`, the build to redo.
public struct ServeOptions {
    public var host: String
    /// 0 asks the system for a free port (the chosen one is printed).
    public var port: Int
    public var watch: Bool
    public var build: BuildOptions
    /// Seconds the sources must stay unchanged before a rebuild starts.
    public var debounce: Double

    public init(host: String, port: Int, watch: Bool, build: BuildOptions, debounce: Double = 0.3) {
        self.host = host
        self.port = port
        self.watch = watch
        self.build = build
        self.debounce = debounce
    }
}
