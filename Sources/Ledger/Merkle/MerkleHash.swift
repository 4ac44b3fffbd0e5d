import Sodium

/// The hashing of RFC 9162 section 2.1.1: SHA-256 with a one-byte prefix that separates leaves
/// (`0x00`) from interior nodes (`0x01`), so no leaf can be passed off as a node.
public enum MerkleHash {
    /// The root of the empty tree: SHA-256 of no bytes.
    public static let empty: SHA256Digest = SHA256.hash([UInt8]())

    /// `SHA-256(0x00 || leaf)`.
    public static func leaf(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { SHA256.hash(prefix: 0x00, $0) }
    }

    /// `SHA-256(0x00 || leaf)` over borrowed bytes.
    public static func leaf(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        SHA256.hash(prefix: 0x00, bytes)
    }

    /// `SHA-256(0x01 || left || right)`.
    @inlinable
    public static func node(_ left: SHA256Digest, _ right: SHA256Digest) -> SHA256Digest {
        SHA256.hash(prefix: 0x01, left, right)
    }
}
