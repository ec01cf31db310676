/// `ganbook serve`, above Book: the preview server and its rebuild loop.
public enum Preview {
    /// Serves until the process is stopped; throws when it cannot serve (address in use, no site).
    public static func serve(_ options: ServeOptions) throws {
        try PreviewServer(options: options, say: { print($0); fflushStandardOutput() }).run()
    }
}
