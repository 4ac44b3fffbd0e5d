import CSodium
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A member's (or the log's) Ed25519 public key: 32 bytes that are known to encode a point of
/// the main subgroup of edwards25519.
///
/// The only way to make one from outside bytes is ``init(validating:)``, which runs
/// `crypto_core_ed25519_is_valid_point`: the all-zero key, small-order keys and non-canonical
/// encodings are refused, so a key that exists as a value is one Plenum accepts.
public struct PublicKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 32-byte compressed Edwards encoding.
    public let bytes: [UInt8]

    /// Accepts `bytes` only if they are a valid, canonical, main-subgroup Ed25519 point.
    public init(validating bytes: some Collection<UInt8>) throws(SodiumError) {
        Sodium.ensureInitialized()
        let key = Array(bytes)
        guard key.count == Int(crypto_sign_PUBLICKEYBYTES) else {
            throw .wrongLength(what: "an Ed25519 public key", expected: 32, actual: key.count)
        }
        if !PublicKey.validated.contains(key) {
            guard crypto_core_ed25519_is_valid_point(key) == 1 else { throw .invalidPublicKey }
            PublicKey.validated.insert(key)
        }
        self.bytes = key
    }

    /// Keys that passed the point check, so a key seen again (a voter's every ballot, an audit
    /// record's million statements) is not checked again: the check costs about half a signature
    /// verification, and its answer never changes.
    static let validated = ValidatedKeys()

    /// Parses and validates the unpadded base64url text form of a key.
    public init(base64url text: String) throws(SodiumError) {
        try self.init(validating: Base64URL.decode(text))
    }

    /// Used only for keys derived from a secret key by libsodium itself.
    init(derived bytes: [UInt8]) { self.bytes = bytes }

    /// Hashes the 32 bytes in one call (the synthesized form feeds the hasher byte by byte, and
    /// keys are looked up for every statement).
    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in
                left.count == right.count && memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }

    /// The unpadded base64url text of the key, its form in payloads, files and on screen.
    public var base64url: String { Base64URL.encode(bytes) }

    public var description: String { base64url }

    /// Canonical member order: keys compare by their bytes.
    public static func < (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Whether `signature` is a valid Ed25519 signature of exactly `message` by this key.
    public func isValidSignature(_ signature: Signature, for message: UnsafeRawBufferPointer) -> Bool {
        Ed25519.verify(signature: signature.bytes, message: message, publicKey: bytes)
    }

    /// Whether `signature` is a valid Ed25519 signature of exactly `message` by this key.
    public func isValidSignature(_ signature: Signature, for message: [UInt8]) -> Bool {
        message.withUnsafeBytes { isValidSignature(signature, for: $0) }
    }
}

/// A bounded, thread-safe set of keys already known to pass `crypto_core_ed25519_is_valid_point`,
/// in 64 shards by the key's last byte so that threads checking different keys rarely wait for
/// each other.
final class ValidatedKeys: Sendable {
    /// A key's 32 bytes held inline, hashed and compared as four words.
    private struct Bytes: Hashable {
        let words: (UInt64, UInt64, UInt64, UInt64)

        init(_ key: [UInt8]) {
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &words) { raw in key.withUnsafeBytes { raw.copyMemory(from: $0) } }
            self.words = words
        }

        static func == (lhs: Bytes, rhs: Bytes) -> Bool {
            lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
                && lhs.words.3 == rhs.words.3
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }
    }

    private final class Shard: Sendable {
        let keys = Mutex<Set<Bytes>>([])
    }
    private let shards: [Shard] = (0..<64).map { _ in Shard() }
    /// Beyond this many keys a shard starts again (a cache, not a registry).
    private let limit = 1 << 14
    /// Whether the 32 bytes `key` passed the check (callers check the length first).
    func contains(_ key: [UInt8]) -> Bool {
        let bytes = Bytes(key)
        return shards[Int(key[31] & 63)].keys.withLock { $0.contains(bytes) }
    }
    func insert(_ key: [UInt8]) {
        let bytes = Bytes(key)
        shards[Int(key[31] & 63)].keys.withLock { keys in
            if keys.count >= limit { keys.removeAll(keepingCapacity: true) }
            keys.insert(bytes)
        }
    }
}
