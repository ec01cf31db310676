import Crypto

extension SHA256.Digest {
    /// Lowercase hexadecimal, as `sha256sum` prints it.
    var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
