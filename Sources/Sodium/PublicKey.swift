import CSodium
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A member's (or the log's) Ed25519 public key: 32 bytes that are known to encode a point of
/// the main subgroup of edwards25519.
///
/// The only way to make one from outside bytes is ``init(validating:)``, which runs
/// `crypto_core_ed25519_is_valid_point`: the all-zero key, small-order keys and non-canonical
/// encodings are refused, so a key that exists as a value is one Plenum accepts.
public struct PublicKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 32 bytes held inline (raw memory of four words, in byte order), so that a key costs
    /// no allocation and copies, hashes and compares as four words.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// The 32-byte compressed Edwards encoding.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the key's 32 bytes, without copying them.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// Accepts `bytes` only if they are a valid, canonical, main-subgroup Ed25519 point.
    public init(validating bytes: some Collection<UInt8>) throws(SodiumError) {
        try self.init(validating: Array(bytes))
    }

    /// Accepts `bytes` only if they are a valid, canonical, main-subgroup Ed25519 point (the
    /// form every reader calls: no generic code between a decoded key and its check).
    public init(validating bytes: [UInt8]) throws(SodiumError) {
        Sodium.ensureInitialized()
        guard bytes.count == Int(crypto_sign_PUBLICKEYBYTES) else {
            throw .wrongLength(what: "an Ed25519 public key", expected: 32, actual: bytes.count)
        }
        self = bytes.withUnsafeBytes { PublicKey(unchecked: $0) }
        try validate()
    }

    /// Parses and validates the unpadded base64url text form of a key in `text`, decoded
    /// straight into the key (nothing is allocated).
    public init(base64URL text: UnsafeRawBufferPointer) throws(SodiumError) {
        Sodium.ensureInitialized()
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        guard Base64URL.decodedCount(text.count) == 32 else {
            // As the array form says it: bad text first, then the length of good text.
            guard let bytes = Base64URL.decode(text) else { throw .invalidBase64URL }
            throw .wrongLength(what: "an Ed25519 public key", expected: 32, actual: bytes.count)
        }
        guard Swift.withUnsafeMutableBytes(of: &words, { Base64URL.decode(text, into: $0) }) else {
            throw .invalidBase64URL
        }
        self.words = words
        try validate()
    }

    /// Checks the point (or finds it among the keys that passed before).
    private func validate() throws(SodiumError) {
        guard !PublicKey.validated.contains(words) else { return }
        let valid = withUnsafeBytes {
            crypto_core_ed25519_is_valid_point($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 1
        }
        guard valid else { throw .invalidPublicKey }
        PublicKey.validated.insert(words)
    }

    /// Keys that passed the point check, so a key seen again (a voter's every ballot, an audit
    /// record's million statements) is not checked again: the check costs about a signature
    /// verification, and its answer never changes.
    static let validated = ValidatedKeys()

    /// Parses and validates the unpadded base64url text form of a key.
    public init(base64url text: String) throws(SodiumError) {
        try self.init(validating: Base64URL.decode(text))
    }

    /// Used only for keys derived from a secret key by libsodium itself.
    init(derived bytes: [UInt8]) { self = bytes.withUnsafeBytes { PublicKey(unchecked: $0) } }

    /// The 32 bytes `bytes` (whose count the caller checked), as they are.
    private init(unchecked bytes: UnsafeRawBufferPointer) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        self.words = words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            && lhs.words.3 == rhs.words.3
    }

    /// The unpadded base64url text of the key, its form in payloads, files and on screen.
    public var base64url: String { withUnsafeBytes { Base64URL.encode($0) } }

    public var description: String { base64url }

    /// Keys compare by their bytes.
    public static func < (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, 32) < 0 }
        }
    }

    /// Whether `signature` is a valid Ed25519 signature of exactly `message` by this key.
    public func isValidSignature(_ signature: Signature, for message: UnsafeRawBufferPointer) -> Bool {
        withUnsafeBytes { key in
            signature.withUnsafeBytes { signature in
                Ed25519.verify(signature: signature, message: message, publicKey: key)
            }
        }
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

        /// The shard: the key's last byte (the words are in byte order).
        var shard: Int { Int(words.3 >> 56 & 63) }
    }

    private final class Shard: Sendable {
        let keys = Mutex<Set<Bytes>>([])
    }
    private let shards: [Shard] = (0..<64).map { _ in Shard() }
    /// Beyond this many keys a shard starts again (a cache, not a registry).
    private let limit = 1 << 14
    /// Whether the key whose 32 bytes `words` hold passed the check.
    func contains(_ words: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let bytes = Bytes(words: words)
        return shards[bytes.shard].keys.withLock { $0.contains(bytes) }
    }
    func insert(_ words: (UInt64, UInt64, UInt64, UInt64)) {
        let bytes = Bytes(words: words)
        shards[bytes.shard].keys.withLock { keys in
            if keys.count >= limit { keys.removeAll(keepingCapacity: true) }
            keys.insert(bytes)
        }
    }
}
