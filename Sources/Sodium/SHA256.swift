import Crypto

/// SHA-256: statement ids, Merkle leaves and nodes, and commitments are all SHA-256.
///
/// Digests come from swift-crypto (BoringSSL on Linux, CryptoKit on Apple platforms), which
/// hashes with the CPU's SHA instructions where it has them: on the machine of
/// docs/performance.md a 300-byte statement hashes in 40 % of the time libsodium's portable
/// `crypto_hash_sha256` takes, and every statement is hashed twice (its id and its leaf) by the
/// service and by the auditor. Signatures and keys stay with libsodium; the tests check
/// these digests against libsodium's on thousands of inputs.
public enum SHA256 {
    /// The digest of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = Crypto.SHA256()
        hasher.update(bufferPointer: bytes)
        return SHA256Digest(hasher.finalize())
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> SHA256Digest {
        hash(Array(text.utf8))
    }

    /// The digest of one prefix byte followed by `bytes`, without concatenating them first
    /// (the Merkle leaf hash of RFC 9162 is `hash(0x00 || leaf)`).
    public static func hash(prefix: UInt8, _ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = Crypto.SHA256()
        withUnsafeBytes(of: prefix) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
        return SHA256Digest(hasher.finalize())
    }

    /// The digest of a prefix byte and two digests (the Merkle node hash of RFC 9162 is
    /// `hash(0x01 || left || right)`), hashed from one 65-byte stack buffer.
    public static func hash(prefix: UInt8, _ left: SHA256Digest, _ right: SHA256Digest) -> SHA256Digest {
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { packed in
            packed[0] = prefix
            left.withUnsafeBytes {
                packed.baseAddress!.advanced(by: 1).copyMemory(from: $0.baseAddress!, byteCount: 32)
            }
            right.withUnsafeBytes {
                packed.baseAddress!.advanced(by: 33).copyMemory(from: $0.baseAddress!, byteCount: 32)
            }
            return hash(UnsafeRawBufferPointer(packed))
        }
    }
}

extension SHA256Digest {
    /// The 32 bytes of swift-crypto's digest.
    fileprivate init(_ digest: Crypto.SHA256.Digest) {
        self = .zero
        withUnsafeMutableBytes(of: &storage) { out in digest.withUnsafeBytes { out.copyMemory(from: $0) } }
    }
}
