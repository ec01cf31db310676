import Foundation

/// Finds an unwritable site or cache before any training (a result computed for an hour and then
/// not storable is lost): creates the folder when missing and writes and removes a probe file.
enum WritableCheck {
    static func probe(_ folder: URL, what: String) throws {
        let probe = folder.appendingPathComponent("\(AtomicFile.temporaryPrefix)probe-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(probe.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 {
            throw FileProblem.error(folder.path, "write into the \(what)", code: errno,
                                    hint: "make the folder writable before building; nothing was trained")
        }
        close(fd)
        unlink(probe.path)
    }
}
