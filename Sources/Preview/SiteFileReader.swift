import Foundation

/// Reads a resolved site file: only a regular file (opened without following a final link
/// that appeared since it was resolved), and at most a bounded size.
enum SiteFileReader {
    static let largest = 256 << 20

    static func read(_ url: URL) -> Data? {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= largest
        else { return nil }
        return try? handle.readToEnd() ?? Data()
    }
}
