import Foundation

/// What a path names, without following a final symbolic link.
enum FileKind: Equatable {
    case missing, regular, directory, symlink, other

    static func of(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// A path with every symbolic link resolved (the path itself when it does not exist).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether `path`, with links resolved, lies inside the folder `root` (links resolved too).
    static func isInside(_ path: String, root: String) -> Bool {
        let base = resolved(root)
        let target = resolved(path)
        return target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
