/// A detached Ed25519 signature: 64 bytes.
public struct Signature: Hashable, Sendable, CustomStringConvertible {
    /// The 64 bytes held inline (raw memory of eight words, in byte order): a statement's
    /// signature costs no allocation.
    private let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The 64 signature bytes (R || S).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 64 bytes, without copying them.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    /// Wraps exactly 64 bytes; whether they verify is a separate question.
    public init(bytes: some Collection<UInt8>) throws(SodiumError) {
        guard bytes.count == 64 else {
            throw .wrongLength(what: "an Ed25519 signature", expected: 64, actual: bytes.count)
        }
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { raw in
            let copied: Void? = bytes.withContiguousStorageIfAvailable {
                raw.copyMemory(from: UnsafeRawBufferPointer($0))
            }
            if copied == nil {
                for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
            }
        }
        self.words = words
    }

    public static func == (lhs: Signature, rhs: Signature) -> Bool {
        lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Parses the unpadded base64url text form.
    public init(base64url text: String) throws(SodiumError) {
        try self.init(bytes: Base64URL.decode(text))
    }

    /// The unpadded base64url text form.
    public var base64url: String { withUnsafeBytes { Base64URL.encode($0) } }

    public var description: String { base64url }
}
