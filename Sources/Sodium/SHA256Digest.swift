/// A SHA-256 digest: 32 bytes held inline (no heap allocation), so millions of Merkle nodes
/// cost exactly 32 bytes each.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    // Raw memory of four words, in byte order: read as numbers only big-endian, to compare
    // digests by their bytes (``precedes(_:)``).
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64)

    /// The digest of 32 zero bytes' worth of storage; only a placeholder before a hash is written.
    @inlinable
    public static var zero: SHA256Digest { SHA256Digest(storage: (0, 0, 0, 0)) }

    @inlinable
    init(storage: (UInt64, UInt64, UInt64, UInt64)) { self.storage = storage }

    /// The digest whose unpadded base64url text (43 characters) is in `text`, decoded straight
    /// into its storage; nil if `text` is not such a text.
    public init?(base64URL text: UnsafeRawBufferPointer) {
        var digest = SHA256Digest.zero
        let decoded = withUnsafeMutableBytes(of: &digest.storage) { Base64URL.decode(text, into: $0) }
        guard decoded else { return nil }
        self = digest
    }

    /// Wraps exactly 32 bytes (copied in one move when they are contiguous, as arrays are).
    @inlinable
    public init(bytes: some Collection<UInt8>) throws(SodiumError) {
        guard bytes.count == 32 else {
            throw .wrongLength(what: "a SHA-256 digest", expected: 32, actual: bytes.count)
        }
        var digest = SHA256Digest.zero
        withUnsafeMutableBytes(of: &digest.storage) { raw in
            let copied: Void? = bytes.withContiguousStorageIfAvailable {
                raw.copyMemory(from: UnsafeRawBufferPointer($0))
            }
            if copied == nil {
                var offset = 0
                for byte in bytes {
                    raw[offset] = byte
                    offset += 1
                }
            }
        }
        self = digest
    }

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 32 bytes of the digest, without copying them.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage, body)
    }

    /// Whether this digest's bytes come before `other`'s in lexicographic order, compared as
    /// four big-endian words without copying them (sorting a hundred thousand ids compares
    /// them millions of times).
    @inlinable
    public func precedes(_ other: SHA256Digest) -> Bool {
        let (left, right) = (storage, other.storage)
        if left.0 != right.0 { return UInt64(bigEndian: left.0) < UInt64(bigEndian: right.0) }
        if left.1 != right.1 { return UInt64(bigEndian: left.1) < UInt64(bigEndian: right.1) }
        if left.2 != right.2 { return UInt64(bigEndian: left.2) < UInt64(bigEndian: right.2) }
        return UInt64(bigEndian: left.3) < UInt64(bigEndian: right.3)
    }

    /// Lower-case hexadecimal.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    public static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1
            && lhs.storage.2 == rhs.storage.2 && lhs.storage.3 == rhs.storage.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
        hasher.combine(storage.3)
    }
}
