import CZlib
import Foundation

/// Reads a whole file through zlib: gzip files are decompressed, other files are returned as
/// they are (zlib passes them through), so `.gz` and raw IDX files take one path.
///
/// Only regular files are read (a FIFO would block the open or the read forever, `/dev/zero`
/// never ends, a folder is no data), and the decompressed size is bounded, so no file in place of
/// a dataset can hang the build or exhaust memory.
enum CompressedFileReader {
    /// Largest decompressed file accepted: the biggest canonical training file is 47 MB.
    static let maximumSize = 1 << 28

    static func readAll(path: String, maximumSize: Int = maximumSize) throws -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw GANError(kind: .unreadable, file: path,
                           message: "cannot open: \(String(cString: strerror(errno)))")
        }
        let fileSize: Int
        do {
            fileSize = try regularFileSize(descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        let expected = min(expectedSize(descriptor, fileSize: fileSize), maximumSize)
        guard let handle = gzdopen(descriptor, "rb") else {
            close(descriptor)
            throw GANError(kind: .unreadable, file: path, message: "cannot open for reading")
        }
        defer { gzclose(handle) }
        _ = gzbuffer(handle, 1 << 17)

        // Read straight into an array of the expected size (a gzip file states it in its last
        // four bytes): growing an array chunk by chunk would briefly hold two copies of MNIST's
        // 47 MB and leave up to a third of the final capacity unused.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected {
                let count = gzread(handle, buffer.baseAddress! + initialized, UInt32(min(expected - initialized, 1 << 30)))
                if count < 0 { failed = true; return }
                if count == 0 { return }
                initialized += Int(count)
            }
        }
        if failed { throw readError(handle, path: path) }
        // A size that was too small (a multi-member gzip, or over 4 GB): read the rest in chunks,
        // up to the limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                gzread(handle, buffer.baseAddress, UInt32(buffer.count))
            }
            if count < 0 { throw readError(handle, path: path) }
            if count == 0 { break }
            guard bytes.count + Int(count) <= maximumSize else {
                throw GANError(kind: .corruptData, file: path,
                               message: "decompresses to more than \(maximumSize) bytes, far more than any dataset file",
                               hint: "the file is damaged or not a dataset file; download or copy it again")
            }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
        // A gzip stream cut short still reads to its end; zlib reports it only here.
        var code: Int32 = Z_OK
        _ = gzerror(handle, &code)
        if code == Z_BUF_ERROR {
            throw GANError(kind: .corruptData, file: path,
                           message: "the gzip stream ends early after \(bytes.count) bytes: the file is truncated",
                           hint: "download or copy it again")
        }
        if code != Z_OK { throw readError(handle, path: path) }
        return bytes
    }

    /// The size of the open file, which must be a regular file.
    private static func regularFileSize(_ descriptor: Int32, path: String) throws -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw GANError(kind: .unreadable, file: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            let kind = type == S_IFDIR ? "a folder" : type == S_IFIFO ? "a FIFO (named pipe)"
                : type == S_IFCHR || type == S_IFBLK ? "a device" : type == S_IFSOCK ? "a socket" : "not a file"
            throw GANError(kind: .unreadable, file: path, message: "is \(kind), not a regular file",
                           hint: "put the dataset's file itself here")
        }
        return Int(status.st_size)
    }

    /// `expectedSize` of the regular file at `path`; 0 when it cannot be read.
    static func expectedSize(path: String) -> Int {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        guard let size = try? regularFileSize(descriptor, path: path) else { return 0 }
        return expectedSize(descriptor, fileSize: size)
    }

    /// The decompressed size a file announces: a gzip file's ISIZE trailer (the size modulo 2³²),
    /// else the file's own size. Only a hint: the reader copes when it is wrong.
    static func expectedSize(_ descriptor: Int32, fileSize: Int) -> Int {
        var magic = [UInt8](repeating: 0, count: 2)
        let isGzip = pread(descriptor, &magic, 2, 0) == 2 && magic == [0x1F, 0x8B]
        guard isGzip else { return max(fileSize, 0) }
        guard fileSize >= 18 else { return 0 }
        var trailer = [UInt8](repeating: 0, count: 4)
        guard pread(descriptor, &trailer, 4, off_t(fileSize - 4)) == 4 else { return 0 }
        let size = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
        // Deflate never expands more than ~1032:1; a larger claim comes from a damaged file.
        return min(size, fileSize * 1032)
    }

    private static func readError(_ handle: gzFile, path: String) -> GANError {
        var code: Int32 = Z_OK
        let detail = gzerror(handle, &code).map { String(cString: $0) } ?? "unknown error"
        let reason = code == Z_ERRNO ? String(cString: strerror(errno)) : detail
        return GANError(kind: .corruptData, file: path, message: "cannot decompress: \(reason)",
                        hint: "the file is damaged; download or copy it again")
    }
}
