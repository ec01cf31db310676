import Foundation

/// An advisory lock (`flock`) on a file, held by its writer for as long as it works.
///
/// The kernel drops the lock when the holder dies, however it dies, and the lock is seen by every
/// process sharing the folder, in any PID namespace (a pid in a file name is not). The holder
/// removes the file just before it unlocks; a taker checks that the file it locked is still the
/// one at the path, so two holders never overlap and no stale lock file outlives a release.
final class FileLock {
    let url: URL
    private var descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
        FileLock.registry.add(self)
    }

    deinit { release() }

    /// Takes the lock, waiting for the holder when `wait`; without `wait`, nil when it is held.
    static func acquire(_ url: URL, wait: Bool) throws -> FileLock? {
        while true {
            let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if fd < 0 { throw FileProblem.error(url.path, "create lock file", code: errno) }
            if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
                let code = errno
                close(fd)
                if code == EINTR { continue }
                if code == EWOULDBLOCK { return nil }
                throw FileProblem.error(url.path, "lock", code: code)
            }
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, lstat(url.path, &current) == 0,
               held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                return FileLock(url: url, descriptor: fd)
            }
            close(fd)  // the previous holder removed the file as it released: lock the new one
        }
    }

    /// Whether someone holds the lock at `url` now (false when there is no lock file). Only looks:
    /// the file is neither created nor removed.
    static func isHeld(_ url: URL) -> Bool {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    func release() {
        guard descriptor >= 0 else { return }
        unlink(url.path)
        close(descriptor)
        descriptor = -1
        FileLock.registry.remove(self)
    }

    /// Locks held by this process, so an interrupted build can remove their files before it exits.
    static let registry = Registry()

    final class Registry: @unchecked Sendable {
        private let mutex = NSLock()
        private var paths: [ObjectIdentifier: String] = [:]

        func add(_ lock: FileLock) { mutex.lock(); paths[ObjectIdentifier(lock)] = lock.url.path; mutex.unlock() }
        func remove(_ lock: FileLock) { mutex.lock(); paths[ObjectIdentifier(lock)] = nil; mutex.unlock() }

        /// Removes every held lock's file (the locks themselves end with the process).
        func unlinkAll() {
            mutex.lock()
            for path in paths.values { unlink(path) }
            mutex.unlock()
        }
    }
}
