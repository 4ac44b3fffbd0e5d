import Ledger
import Sodium

/// One stored statement: its place in the log, its id, and exactly the bytes that were signed and
/// received. The store keeps bytes; checking them (the kind, the key, the signature) is the
/// service's job before it appends and the auditor's after.
public struct LogRecord: Hashable, Sendable {
    /// The 0-based leaf index of the statement in the Merkle log.
    public var leaf: Int
    /// The statement id: SHA-256 of its signed bytes.
    public var id: SHA256Digest
    /// The statement kind's name, as in the signed bytes.
    public var kind: String
    /// The author's 32-byte Ed25519 public key.
    public var author: [UInt8]
    /// The payload, exactly as received (UTF-8 JSON).
    public var payload: [UInt8]
    /// The 64-byte Ed25519 signature over the signed bytes.
    public var signature: [UInt8]
    /// When the service received the statement, in milliseconds since 1970.
    public var received: Int64

    /// Makes a record from its columns.
    public init(
        leaf: Int, id: SHA256Digest, kind: String, author: [UInt8], payload: [UInt8], signature: [UInt8],
        received: Int64
    ) {
        self.leaf = leaf
        self.id = id
        self.kind = kind
        self.author = author
        self.payload = payload
        self.signature = signature
        self.received = received
    }

    /// Makes the record of `statement`, signed by `author`, at `leaf`. Pass `id` when it is
    /// already known, so the signed bytes are not hashed again.
    public init(
        leaf: Int, statement: SignedStatement, author: PublicKey, received: Int64, id: SHA256Digest? = nil
    ) {
        self.init(
            leaf: leaf, id: id ?? statement.id, kind: statement.kind.name, author: author.bytes,
            payload: statement.payload, signature: statement.signature.bytes, received: received)
    }

    /// The signed statement again, with its kind and signature checked for form (not verified).
    public func statement() throws(StoreError) -> SignedStatement {
        do {
            return SignedStatement(
                kind: try StatementKind(kind), payload: payload, signature: try Signature(bytes: signature))
        } catch {
            throw StoreError(.storageFailed, "the statement at leaf \(leaf) is malformed", underlying: error)
        }
    }
}
