import CSodium

/// Raw Ed25519 verification over byte strings, exactly as libsodium's
/// `crypto_sign_verify_detached` decides it.
///
/// Plenum itself verifies through `PublicKey.isValidSignature(_:for:)`, whose key has
/// passed the point check; this raw form exists for test vectors and benchmarks that must feed
/// keys the point check would refuse.
public enum Ed25519 {
    /// Whether `signature` verifies for `message` under the 32 bytes `publicKey`; false for any
    /// wrong length.
    public static func verify(
        signature: [UInt8], message: UnsafeRawBufferPointer, publicKey: [UInt8]
    ) -> Bool {
        Sodium.ensureInitialized()
        guard signature.count == Int(crypto_sign_BYTES),
            publicKey.count == Int(crypto_sign_PUBLICKEYBYTES)
        else { return false }
        return crypto_sign_verify_detached(
            signature, message.baseAddress?.assumingMemoryBound(to: UInt8.self),
            UInt64(message.count), publicKey) == 0
    }

    /// Whether the 64 bytes `signature` verify for `message` under the 32 bytes `publicKey`
    /// (lengths checked by the caller's types).
    static func verify(
        signature: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer, publicKey: UnsafeRawBufferPointer
    ) -> Bool {
        Sodium.ensureInitialized()
        return crypto_sign_verify_detached(
            signature.baseAddress!.assumingMemoryBound(to: UInt8.self),
            message.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(message.count),
            publicKey.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 0
    }

    /// Whether `publicKey` passes `crypto_core_ed25519_is_valid_point` (canonical, not small
    /// order, in the main subgroup).
    public static func isValidPoint(_ publicKey: [UInt8]) -> Bool {
        Sodium.ensureInitialized()
        guard publicKey.count == Int(crypto_sign_PUBLICKEYBYTES) else { return false }
        return crypto_core_ed25519_is_valid_point(publicKey) == 1
    }
}
