import CSodium

/// SHA-256 through libsodium (`crypto_hash_sha256`): statement ids, Merkle leaves and nodes,
/// and commitments are all SHA-256.
public enum SHA256 {
    /// The digest of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        Sodium.ensureInitialized()
        var digest = SHA256Digest.zero
        withUnsafeMutableBytes(of: &digest.storage) { out in
            _ = crypto_hash_sha256(
                out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
        }
        return digest
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
        Sodium.ensureInitialized()
        var state = crypto_hash_sha256_state()
        var prefixByte = prefix
        var digest = SHA256Digest.zero
        crypto_hash_sha256_init(&state)
        crypto_hash_sha256_update(&state, &prefixByte, 1)
        if let base = bytes.baseAddress {
            crypto_hash_sha256_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
        }
        withUnsafeMutableBytes(of: &digest.storage) { out in
            _ = crypto_hash_sha256_final(&state, out.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return digest
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
