/// The 32 bytes of a SHA-256 digest.
struct SHA256Digest: Equatable {
    let bytes: [UInt8]

    /// Lowercase hexadecimal, as `sha256sum` prints it.
    var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
