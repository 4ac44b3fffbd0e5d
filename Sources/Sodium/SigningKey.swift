import CSodium

/// An Ed25519 secret key: what a member (or the log) signs with.
///
/// It is made from a fresh random seed (``generate()``) or from a stored 32-byte seed
/// (``init(seed:)``); Ed25519 derives the same key pair from the same seed, so the seed is all a
/// key file needs to hold.
public struct SigningKey: Sendable {
    /// libsodium's 64-byte secret key (seed followed by the public key).
    private let secret: [UInt8]
    /// The matching public key.
    public let publicKey: PublicKey

    /// A new key pair from the operating system's random source.
    public static func generate() throws(SodiumError) -> SigningKey {
        Sodium.ensureInitialized()
        var seed = [UInt8](repeating: 0, count: Int(crypto_sign_SEEDBYTES))
        randombytes_buf(&seed, seed.count)
        defer { sodium_memzero(&seed, seed.count) }
        return try SigningKey(seed: seed)
    }

    /// The key pair determined by a 32-byte seed (RFC 8032's "private key").
    public init(seed: some Collection<UInt8>) throws(SodiumError) {
        Sodium.ensureInitialized()
        let seedBytes = Array(seed)
        guard seedBytes.count == Int(crypto_sign_SEEDBYTES) else {
            throw .wrongLength(what: "an Ed25519 seed", expected: 32, actual: seedBytes.count)
        }
        var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var secretBytes = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        guard crypto_sign_seed_keypair(&publicBytes, &secretBytes, seedBytes) == 0 else {
            throw .operationFailed("derive an Ed25519 key pair from the seed")
        }
        self.secret = secretBytes
        self.publicKey = PublicKey(derived: publicBytes)
    }

    /// The 32-byte seed, for writing to a key file.
    public var seed: [UInt8] { Array(secret.prefix(Int(crypto_sign_SEEDBYTES))) }

    /// The detached signature of exactly `message`.
    public func sign(_ message: UnsafeRawBufferPointer) -> Signature {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        var length: UInt64 = 0
        let status = crypto_sign_detached(
            &signature, &length, message.baseAddress?.assumingMemoryBound(to: UInt8.self),
            UInt64(message.count), secret)
        precondition(status == 0 && length == 64, "crypto_sign_detached failed")
        // Force-try is safe: the buffer is exactly 64 bytes.
        return try! Signature(bytes: signature)
    }

    /// The detached signature of exactly `message`.
    public func sign(_ message: [UInt8]) -> Signature {
        message.withUnsafeBytes { sign($0) }
    }
}
