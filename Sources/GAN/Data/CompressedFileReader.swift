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

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
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

    private static func readError(_ handle: gzFile, path: String) -> GANError {
        var code: Int32 = Z_OK
        let detail = gzerror(handle, &code).map { String(cString: $0) } ?? "unknown error"
        let reason = code == Z_ERRNO ? String(cString: strerror(errno)) : detail
        return GANError(kind: .corruptData, file: path, message: "cannot decompress: \(reason)",
                        hint: "the file is damaged; download or copy it again")
    }
}
