import Ledger
import Sodium

/// A signed checkpoint as stored: the tree size and root it commits to, the log key's signature,
/// and when it was made. The origin is the log's own and is not stored with each checkpoint.
public struct StoredCheckpoint: Hashable, Sendable {
    /// The number of leaves the checkpoint covers.
    public var size: Int
    /// The Merkle root of the first `size` leaves.
    public var root: SHA256Digest
    /// The log key's 64-byte signature over the checkpoint.
    public var signature: [UInt8]
    /// When the checkpoint was made, in milliseconds since 1970.
    public var created: Int64

    /// Makes a checkpoint from its columns.
    public init(size: Int, root: SHA256Digest, signature: [UInt8], created: Int64) {
        self.size = size
        self.root = root
        self.signature = signature
        self.created = created
    }

    /// Makes the stored form of `signed`, made at `created`.
    public init(_ signed: SignedCheckpoint, created: Int64) {
        self.init(
            size: Int(signed.checkpoint.size), root: signed.checkpoint.root, signature: signed.signature.bytes,
            created: created)
    }
}
