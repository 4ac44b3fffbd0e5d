/// A detached Ed25519 signature: 64 bytes.
public struct Signature: Hashable, Sendable, CustomStringConvertible {
    /// The 64 signature bytes (R || S).
    public let bytes: [UInt8]

    /// Wraps exactly 64 bytes; whether they verify is a separate question.
    public init(bytes: some Collection<UInt8>) throws(SodiumError) {
        guard bytes.count == 64 else {
            throw .wrongLength(what: "an Ed25519 signature", expected: 64, actual: bytes.count)
        }
        self.bytes = Array(bytes)
    }

    /// Parses the unpadded base64url text form.
    public init(base64url text: String) throws(SodiumError) {
        try self.init(bytes: Base64URL.decode(text))
    }

    /// The unpadded base64url text form.
    public var base64url: String { Base64URL.encode(bytes) }

    public var description: String { base64url }
}
