import Sodium

/// A proof that the leaf at ``leafIndex`` is in the subtree `[start, end)` (the "subtree inclusion
/// proof" of the Merkle Tree Certificates draft, draft-ietf-plants-merkle-tree-certs): the RFC 9162
/// audit path of leaf `leafIndex - start` in the tree over the leaves `start..<end` alone, which
/// rebuilds the subtree hash `MTH(D[start:end])`.
public struct SubtreeInclusionProof: Hashable, Sendable {
    public var leafIndex: UInt64
    public var start: UInt64
    public var end: UInt64
    /// Sibling hashes from the leaf's level upward.
    public var path: [SHA256Digest]

    public init(leafIndex: UInt64, start: UInt64, end: UInt64, path: [SHA256Digest]) {
        self.leafIndex = leafIndex
        self.start = start
        self.end = end
        self.path = path
    }

    /// The subtree hash this proof leads to from `leafHash`; refused unless `[start, end)` is a
    /// subtree (``MerkleTree/isSubtree(start:end:)``) holding ``leafIndex``.
    public func subtreeHash(fromLeafHash leafHash: SHA256Digest) throws(MerkleError) -> SHA256Digest {
        guard MerkleTree.isSubtree(start: start, end: end) else { throw .notASubtree(start: start, end: end) }
        guard start <= leafIndex, leafIndex < end else {
            throw .indexOutsideSubtree(index: leafIndex, start: start, end: end)
        }
        // A subtree is a Merkle tree of its own: the draft evaluates the proof exactly as RFC 9162
        // section 2.1.3.2 does, with the index and size taken relative to `start`.
        let local = InclusionProof(leafIndex: leafIndex - start, treeSize: end - start, path: path)
        return try local.root(fromLeafHash: leafHash)
    }

    /// Succeeds only if the proof leads from `leafHash` to exactly `subtreeHash`.
    public func verify(leafHash: SHA256Digest, subtreeHash: SHA256Digest) throws(MerkleError) {
        guard try self.subtreeHash(fromLeafHash: leafHash) == subtreeHash else { throw .rootMismatch }
    }
}
