import Foundation

/// SHA-256 of bytes as lowercase hex, for callers outside GAN (the site manifest) that have no
/// digest of their own: one SHA-256 implementation in the package.
public enum ContentDigest {
    public static func sha256(_ bytes: Data) -> String { SHA256.hash(data: bytes).hexString }
}
