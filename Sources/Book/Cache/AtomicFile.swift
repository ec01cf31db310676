import Foundation

/// Writes one file all at once: into a temporary file beside it (a name only ganbook uses, so a
/// later build can recognise and remove what a killed one left), then renamed over the target.
enum AtomicFile {
    static let temporaryPrefix = ".ganbook-tmp-"

    static func write(_ data: Data, to url: URL) throws {
        try put(data, at: url, throughTemporary: true)
    }

    /// Writes a file that must not exist yet, in place (inside a folder that appears all at once).
    static func writeNew(_ data: Data, to url: URL) throws {
        try put(data, at: url, throughTemporary: false)
    }

    private static func put(_ data: Data, at url: URL, throughTemporary useTemporary: Bool) throws {
        let folder = url.deletingLastPathComponent()
        // Not derived from the target's name: any name that fits in the folder must be writable.
        let temporary = useTemporary ? folder.appendingPathComponent("\(temporaryPrefix)\(UInt64.random(in: 0...UInt64.max))") : url
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 {
            throw FileProblem.error(url.path, useTemporary ? "write file (creating its temporary copy)" : "create file", code: errno)
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += written
            }
        }
        close(fd)
        if failure == 0, useTemporary, rename(temporary.path, url.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary.path)
            throw FileProblem.error(url.path, "write file", code: failure)
        }
    }

    /// Removes temporary files left in `folder` by a killed write (only names with our prefix,
    /// only regular files). Call it while holding the lock that serialises writers of the folder.
    static func removeLeftovers(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) {
            let path = folder.appendingPathComponent(name).path
            if FileKind.of(path) == .regular { unlink(path) }
        }
    }
}
