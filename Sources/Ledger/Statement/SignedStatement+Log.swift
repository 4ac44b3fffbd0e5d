import Sodium

extension SignedStatement {
    /// The bytes this statement contributes to the log as a Merkle leaf: the 64-byte signature
    /// followed by the signed bytes. The signature comes first because its length is fixed, so the
    /// entry splits back into its parts without a length field; the log thereby commits to the
    /// signature as well as to what was signed.
    public var logEntry: [UInt8] {
        var entry = signature.bytes
        entry.append(contentsOf: signedBytes)
        return entry
    }

    /// The Merkle leaf hash of ``logEntry``: `SHA-256(0x00 || signature || signed bytes)`.
    public var leafHash: SHA256Digest { MerkleHash.leaf(logEntry) }

    /// ``SignedStatement/prefix`` as bytes, made once rather than for every entry read.
    static let prefixBytes = Array(SignedStatement.prefix.utf8)

    /// Splits a log entry back into a statement: the signature, then
    /// `"plenum/v1/" + kind + "\0" + payload`.
    public init(logEntry entry: [UInt8]) throws(StatementError) {
        let read = entry.withUnsafeBytes { entry in
            Result { () throws(StatementError) in try SignedStatement(logEntry: entry) }
        }
        self = try read.get()
    }

    /// ``init(logEntry:)`` over the entry's bytes in place (a verifier decodes a block's entries
    /// into one buffer).
    package init(logEntry entry: UnsafeRawBufferPointer) throws(StatementError) {
        guard entry.count > 64 else { throw .malformedEntry("shorter than a signature") }
        let signature = try! Signature(raw: UnsafeRawBufferPointer(rebasing: entry[0..<64]))
        let signed = entry[64...]
        let prefix = Self.prefixBytes
        guard signed.starts(with: prefix) else { throw .malformedEntry("missing the plenum/v1/ prefix") }
        let afterPrefix = signed.dropFirst(prefix.count)
        guard let nul = afterPrefix.firstIndex(of: 0) else { throw .malformedEntry("no NUL after the kind") }
        let kind = try StatementKind(String(decoding: afterPrefix[..<nul], as: UTF8.self))
        self.init(kind: kind, payload: Array(afterPrefix[(nul + 1)...]), signature: signature)
    }
}
