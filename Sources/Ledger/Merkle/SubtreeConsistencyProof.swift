import Sodium

/// A proof that the subtree `[start, end)` is part of the tree of ``treeSize`` leaves (the "subtree
/// consistency proof" of the Merkle Tree Certificates draft, draft-ietf-plants-merkle-tree-certs):
/// every leaf hashed into the subtree hash `MTH(D[start:end])` is also hashed, at the same position,
/// into the tree's root. With `start == 0` it is exactly an RFC 9162 consistency proof.
public struct SubtreeConsistencyProof: Hashable, Sendable {
    public var start: UInt64
    public var end: UInt64
    public var treeSize: UInt64
    public var path: [SHA256Digest]

    public init(start: UInt64, end: UInt64, treeSize: UInt64, path: [SHA256Digest]) {
        self.start = start
        self.end = end
        self.treeSize = treeSize
        self.path = path
    }

    /// Cursors on the paths to the subtree's first leaf (`first`), its last leaf (`last`) and the
    /// tree's last leaf (`tree`), climbed one level at a time by halving all three together.
    private struct Cursors {
        var first: UInt64
        var last: UInt64
        var tree: UInt64

        mutating func climb() {
            first >>= 1
            last >>= 1
            tree >>= 1
        }

        /// Climbs to the highest node the subtree shares with the tree on the path to its last
        /// leaf: the subtree's own root when the subtree ends where the tree does, otherwise the
        /// lowest ancestor of the last leaf that is not the right end of a larger node.
        mutating func climbToStartingNode() {
            if last == tree {
                while first != last { climb() }
            } else {
                while first != last && last & 1 == 1 { climb() }
            }
        }

        /// Whether the next proof hash is a left sibling (it is then part of both hashes when the
        /// subtree still spans more than one node) rather than a right one (part of the root only).
        var nextIsLeft: Bool { last & 1 == 1 || last == tree }

        /// After a left sibling: skips the levels where the path runs along the tree's right edge
        /// with no sibling (a node that is a lone child has its child's hash).
        mutating func skipLoneChildren() {
            while last & 1 == 0 { climb() }
        }
    }

    /// The number of hashes a proof for `[start, end)` in a tree of `treeSize` leaves has (0 for
    /// an empty subtree, for the whole tree, or when the arguments describe no valid proof).
    public static func expectedLength(start: UInt64, end: UInt64, treeSize: UInt64) -> Int {
        guard MerkleTree.isSubtree(start: start, end: end), start < end, end <= treeSize else { return 0 }
        var cursors = Cursors(first: start, last: end - 1, tree: treeSize - 1)
        cursors.climbToStartingNode()
        // The starting node's hash is sent unless it is the subtree itself.
        var count = cursors.first == cursors.last ? 0 : 1
        while cursors.tree != 0 {
            if cursors.nextIsLeft { cursors.skipLoneChildren() }
            cursors.climb()
            count += 1
        }
        return count
    }

    /// Succeeds only if `subtreeHash` (of `[start, end)`) and `root` (of ``treeSize`` leaves) are
    /// consistent, following the draft's "Verifying a Subtree Consistency Proof": `[start, end)`
    /// must be a subtree ending within the tree; the empty subtree needs an empty proof and the
    /// empty tree's hash, and says nothing about the root; otherwise the proof must rebuild both
    /// `subtreeHash` and `root` from hashes of which every one in the subtree is also in the root.
    public func verify(subtreeHash: SHA256Digest, root: SHA256Digest) throws(MerkleError) {
        guard MerkleTree.isSubtree(start: start, end: end) else { throw .notASubtree(start: start, end: end) }
        guard end <= treeSize else { throw .sizeBeyondTree(requested: end, size: treeSize) }
        if start == end {
            guard path.isEmpty else { throw .proofNotEmpty }
            guard subtreeHash == MerkleHash.empty else { throw .rootMismatch }
            return
        }
        let expected = SubtreeConsistencyProof.expectedLength(start: start, end: end, treeSize: treeSize)
        guard path.count == expected else { throw .wrongProofLength(expected: expected, actual: path.count) }

        var cursors = Cursors(first: start, last: end - 1, tree: treeSize - 1)
        cursors.climbToStartingNode()
        var nodes = path[...]
        // `subtreeSide` rebuilds the subtree hash and `treeSide` the root, from one shared seed.
        var subtreeSide: SHA256Digest
        if cursors.first == cursors.last {
            subtreeSide = subtreeHash
        } else {
            subtreeSide = nodes.removeFirst()
        }
        var treeSide = subtreeSide
        for node in nodes {
            // Excluded by the length check; kept so a miscount can never read past the root.
            guard cursors.tree != 0 else { throw .wrongProofLength(expected: expected, actual: path.count) }
            if cursors.nextIsLeft {
                if cursors.first < cursors.last { subtreeSide = MerkleHash.node(node, subtreeSide) }
                treeSide = MerkleHash.node(node, treeSide)
                cursors.skipLoneChildren()
            } else {
                treeSide = MerkleHash.node(treeSide, node)
            }
            cursors.climb()
        }
        guard cursors.tree == 0 else { throw .wrongProofLength(expected: expected, actual: path.count) }
        guard subtreeSide == subtreeHash, treeSide == root else { throw .rootMismatch }
    }
}
