import CCrypto
import Foundation

/// SHA-256 from the system's libcrypto (OpenSSL): the run hash and the dataset digests.
/// The digest is the standard one, so every hash matches what `sha256sum` prints.
enum SHA256 {
    static func hash(data: some ContiguousBytes) -> SHA256Digest {
        var digest = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        let done = data.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &size, EVP_sha256(), nil)
            }
        }
        // Fails only when libcrypto cannot allocate a context: nothing sensible can follow.
        precondition(done == 1 && size == 32, "libcrypto's SHA-256 failed")
        return SHA256Digest(bytes: digest)
    }
}
