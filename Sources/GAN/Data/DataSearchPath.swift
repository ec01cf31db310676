import Foundation

/// Where image datasets are looked for, in order. Each place is a data directory holding one
/// folder per dataset (`mnist/`, `fashion-mnist/`) with the IDX files, `.gz` or raw.
///
/// `standard(...)` builds the documented order: `--data DIR`, then `$GANBOOK_DATA`, then
/// `./data`, then `/usr/share/datasets`. Tests build their own.
public struct DataSearchPath: Sendable {
    /// One place to look, with how it was chosen (for error messages).
    public struct Location: Equatable, Sendable {
        /// Absolute path of the data directory, or nil when its source is unset.
        public var directory: String?
        /// Where it comes from: "--data", "$GANBOOK_DATA", "./data", "system".
        public var origin: String

        public init(directory: String?, origin: String) {
            self.directory = directory
            self.origin = origin
        }
    }

    public var locations: [Location]

    public init(locations: [Location]) {
        self.locations = locations
    }

    /// The environment variable naming a data directory.
    public static let environmentVariable = "GANBOOK_DATA"
    /// Where Debian's dataset packages install.
    public static let systemDirectory = "/usr/share/datasets"

    /// The documented search order. Relative paths are taken from `workingDirectory`.
    ///
    /// - Parameters:
    ///   - dataArgument: the `--data DIR` command-line argument, if given.
    ///   - environment: the process environment (injectable for tests).
    ///   - workingDirectory: the directory `./data` and relative paths refer to.
    public static func standard(dataArgument: String?,
                                environment: [String: String] = ProcessInfo.processInfo.environment,
                                workingDirectory: String = FileManager.default.currentDirectoryPath,
                                systemDirectory: String = DataSearchPath.systemDirectory) -> DataSearchPath {
        func absolute(_ path: String?) -> String? {
            guard let path, !path.isEmpty else { return nil }
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            return url.standardizedFileURL.path
        }
        return DataSearchPath(locations: [
            Location(directory: absolute(dataArgument), origin: "--data"),
            Location(directory: absolute(environment[environmentVariable]), origin: "$\(environmentVariable)"),
            Location(directory: absolute("data"), origin: "./data"),
            Location(directory: systemDirectory, origin: "system"),
        ])
    }

    /// Checks that a run's data can be had before anything trains: an image dataset must be found,
    /// readable, well formed and the canonical one (its SHA-256 checked over every byte), so a
    /// damaged file stops the build before the first run rather than when its own run starts.
    /// Mixtures are always available (they are generated).
    ///
    /// The check is the load itself: the decoded dataset is kept for the process (`DatasetCache`),
    /// so the training that follows reads and digests nothing again.
    public func ensureAvailable(_ dataset: DatasetName) throws {
        if dataset.isImage { _ = try Dataset.load(dataset, search: self) }
    }

    /// The training files of `dataset` in the first location that holds both.
    ///
    /// - Throws: `GANError` (`.datasetMissing`) listing every place searched and what it lacked,
    ///   with how to get the data.
    public func locate(_ dataset: DatasetName) throws -> DatasetFiles {
        precondition(dataset.isImage, "\(dataset.rawValue) is generated, not read from files")
        var searched: [String] = []
        for location in locations {
            guard let directory = location.directory else {
                searched.append("\(location.origin) (\(location.origin == "--data" ? "not given" : "not set"))")
                continue
            }
            let folder = (directory as NSString).appendingPathComponent(dataset.rawValue)
            let images = Self.existingFile(in: folder, named: DatasetFiles.trainImagesName)
            let labels = Self.existingFile(in: folder, named: DatasetFiles.trainLabelsName)
            if let images, let labels {
                return DatasetFiles(dataset: dataset, folder: folder, trainImages: images, trainLabels: labels)
            }
            var isDirectory: ObjCBool = false
            let lacking = !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue
                ? "no \(dataset.rawValue)/ folder"
                : "no " + [images == nil ? DatasetFiles.trainImagesName : nil,
                           labels == nil ? DatasetFiles.trainLabelsName : nil]
                    .compactMap { $0.map { "\($0)[.gz]" } }.joined(separator: " or ")
            searched.append("\(location.origin) \(folder) (\(lacking))")
        }
        throw GANError(kind: .datasetMissing, file: "",
                       message: "dataset \(dataset.rawValue) not found; searched: \(searched.joined(separator: ", "))",
                       hint: Self.howToGet(dataset))
    }

    /// `name.gz` or `name` inside `folder`, whichever exists first. Anything of that name counts
    /// (a folder, a FIFO, a device): reading it then fails with what it is, instead of the search
    /// passing over it and reporting the file missing.
    private static func existingFile(in folder: String, named name: String) -> String? {
        for candidate in [name + ".gz", name] {
            let path = (folder as NSString).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    static func howToGet(_ dataset: DatasetName) -> String {
        switch dataset {
        case .fashionMNIST:
            return "install it with `apt-get install dataset-fashion-mnist` (it goes to \(systemDirectory)/fashion-mnist/), "
                + "or set GANBOOK_DATA or pass --data DIR with a folder holding fashion-mnist/"
        default:
            return "set GANBOOK_DATA or pass --data DIR with a directory holding \(dataset.rawValue)/ "
                + "with \(DatasetFiles.trainImagesName).gz and \(DatasetFiles.trainLabelsName).gz (the original IDX files)"
        }
    }
}
