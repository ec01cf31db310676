import Foundation

extension RunConfig {
    /// Decodes and validates a run configuration written in YAML, filling in every default.
    ///
    /// - Parameters:
    ///   - yaml: the YAML text (a `gan` directive's body or a config file). Empty text gives the
    ///     defaults.
    ///   - file: the path that errors name.
    ///   - firstLine: the file line of the YAML's first line, so errors point into the file.
    ///   - emptyMessage: when given, text with no settings (empty, comments only, `~`) is an
    ///     error with this message rather than the defaults: an empty block is a mistake.
    ///   - feasibility: check that the configuration can train (one batch, logged rows; memory
    ///     is checked where a run is about to train, `checkMemory`). A
    ///     configuration read back from the cache trained already (perhaps on a larger machine,
    ///     when more memory was free, or under older bounds): judging it again would call a
    ///     sound entry damaged.
    ///   - handledKeys: top-level keys the caller decodes itself (a page's display-only keys such
    ///     as `id`): accepted and skipped here, so a misspelt key is still reported, with its
    ///     suggestion, from the one list of every key.
    ///   - overrides: values put in before decoding (one run of a sweep).
    /// - Throws: `GANError` for invalid YAML, unknown keys, wrong types, values out of range
    ///   and conflicting settings; every problem found, the first carrying the others.
    public static func decode(yaml: String, file: String, firstLine: Int = 1,
                              emptyMessage: String? = nil, feasibility: Bool = true,
                              handledKeys: [String] = [], overrides: [ConfigOverride] = []) throws -> RunConfig {
        let source = YAMLSource(file: file, firstLine: firstLine)
        let root = try source.compose(yaml).map { written in overrides.reduce(written) { $1.applied(to: $0) } }
        let value = root.map { ConfigValue(node: $0, path: "", source: source) }
        guard let value, !value.isNull else {
            if let emptyMessage {
                throw GANError(kind: .invalidValue, file: file, line: firstLine, message: emptyMessage,
                               hint: "e.g. dataset: ring8 (mnist, fashion-mnist, ring8 or grid25)")
            }
            return RunConfig()
        }
        return try RunConfigDecoder(root: value, handledKeys: handledKeys).decode(checkingFeasibility: feasibility)
    }

    /// Reads and decodes a configuration file (`ganbook train CONFIG.yaml`).
    public static func load(file path: String, handledKeys: [String] = []) throws -> RunConfig {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw GANError(kind: .unreadable, file: path, message: "cannot read the configuration file: \(String(cString: strerror(errno)))",
                           hint: "check the path")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file (a FIFO, device or socket)"
            throw GANError(kind: .unreadable, file: path, message: "the configuration is \(what)",
                           hint: "name a YAML file with the keys of a gan directive")
        }
        guard Int(info.st_size) <= maximumFileBytes else {
            throw GANError(kind: .unreadable, file: path,
                           message: "the configuration file is \(info.st_size) bytes, more than the \(maximumFileBytes) a configuration may have",
                           hint: "a configuration holds a few dozen lines")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= maximumFileBytes else {
            throw GANError(kind: .unreadable, file: path, message: "cannot read the configuration file",
                           hint: "check the path")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw GANError(kind: .unreadable, file: path, message: "the configuration file is not UTF-8 text")
        }
        return try decode(yaml: yaml, file: path, firstLine: 1,
                          emptyMessage: "empty configuration: write at least dataset", handledKeys: handledKeys)
    }

    /// A configuration needs a few dozen lines; a larger file is not one (and is not read whole).
    public static let maximumFileBytes = 1 << 20
}
