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
        try self.init(bytes: Array(bytes))
    }

    /// Wraps exactly 64 bytes (the form readers call: no generic code in between).
    public init(bytes: [UInt8]) throws(SodiumError) {
        let wrapped = bytes.withUnsafeBytes { raw in Result { () throws(SodiumError) in try Signature(raw: raw) } }
        self = try wrapped.get()
    }

    /// Wraps exactly the 64 bytes in `raw`.
    public init(raw: UnsafeRawBufferPointer) throws(SodiumError) {
        guard raw.count == 64 else {
            throw .wrongLength(what: "an Ed25519 signature", expected: 64, actual: raw.count)
        }
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: raw) }
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
