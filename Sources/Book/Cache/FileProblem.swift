import Foundation

/// File-system failures as `BookError`s that name the path and the operation in plain words
/// ("cannot create folder site/runs: Read-only file system"), never a Foundation error dump.
enum FileProblem {
    static func error(_ path: String, _ operation: String, code: Int32, hint: String = "") -> BookError {
        BookError(file: path, message: "cannot \(operation): \(String(cString: strerror(code)))",
                  hint: hint.isEmpty ? defaultHint(code) : hint)
    }

    /// The POSIX reason inside a Foundation error, when it has one.
    static func error(_ path: String, _ operation: String, _ error: Error, hint: String = "") -> BookError {
        if let book = error as? BookError { return book }
        return FileProblem.error(path, operation, code: posixCode(error) ?? EIO, hint: hint)
    }

    static func posixCode(_ error: Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteFileExists: return EEXIST
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteOutOfSpace: return ENOSPC
        default: return nil
        }
    }

    static func defaultHint(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM, EROFS: return "check that the folder is writable"
        case ENOSPC: return "free some disk space"
        case ENOTDIR: return "a file stands where a folder is expected"
        default: return ""
        }
    }
}
