import Sodium

/// The size and root of the Merkle log after the last appended batch, kept in the same
/// transaction as the leaves so that the two never disagree.
public struct TreeState: Hashable, Sendable {
    /// The number of leaves in the log.
    public var size: Int
    /// The Merkle root of all `size` leaves.
    public var root: SHA256Digest

    /// Makes a tree state.
    public init(size: Int, root: SHA256Digest) {
        self.size = size
        self.root = root
    }
}
