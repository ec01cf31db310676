import CZlib
import Foundation

/// Reads a whole file through zlib: gzip files are decompressed, other files are returned as
/// they are (zlib passes them through), so `.gz` and raw IDX files take one path.
enum CompressedFileReader {
    static func readAll(path: String) throws -> [UInt8] {
        guard let handle = gzopen(path, "rb") else {
            throw GANError(kind: .unreadable, file: path,
                           message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { gzclose(handle) }
        _ = gzbuffer(handle, 1 << 17)

        // Read straight into an array of the expected size (a gzip file states it in its last
        // four bytes): growing an array chunk by chunk would briefly hold two copies of MNIST's
        // 47 MB and leave up to a third of the final capacity unused.
        let expected = expectedSize(path: path)
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
        // A size that was too small (a multi-member gzip, or over 4 GB): read the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                gzread(handle, buffer.baseAddress, UInt32(buffer.count))
            }
            if count < 0 { throw readError(handle, path: path) }
            if count == 0 { break }
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

    /// The decompressed size a file announces: a gzip file's ISIZE trailer (the size modulo 2³²),
    /// else the file's own size. Only a hint: the reader copes when it is wrong.
    static func expectedSize(path: String) -> Int {
        guard let file = fopen(path, "rb") else { return 0 }
        defer { fclose(file) }
        var magic = [UInt8](repeating: 0, count: 2)
        let isGzip = fread(&magic, 1, 2, file) == 2 && magic == [0x1F, 0x8B]
        guard fseeko(file, 0, SEEK_END) == 0 else { return 0 }
        let fileSize = Int(ftello(file))
        guard isGzip else { return max(fileSize, 0) }
        guard fileSize >= 18, fseeko(file, -4, SEEK_END) == 0 else { return 0 }
        var trailer = [UInt8](repeating: 0, count: 4)
        guard fread(&trailer, 1, 4, file) == 4 else { return 0 }
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
