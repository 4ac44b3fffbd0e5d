import Sodium

/// The right edge of a Merkle tree: the roots of its perfect subtrees, largest first. It is all
/// that is needed to append leaves and compute the root, in O(log n) memory, so a verifier can
/// stream a million-leaf log without holding it.
public struct MerkleFrontier: Sendable {
    /// Roots of the perfect subtrees, left to right; subtree `i` has `1 << heights[i]` leaves.
    private var hashes: [SHA256Digest] = []
    private var heights: [Int] = []
    /// The number of leaves appended.
    public private(set) var size: UInt64 = 0

    /// An empty frontier.
    public init() {}

    /// Appends a leaf by its hash.
    public mutating func append(leafHash: SHA256Digest) {
        var hash = leafHash
        var height = 0
        // Merge equal-height neighbours: each carry of the binary counter is a node hash.
        while let last = heights.last, last == height {
            hash = MerkleHash.node(hashes.removeLast(), hash)
            heights.removeLast()
            height += 1
        }
        hashes.append(hash)
        heights.append(height)
        size += 1
    }

    /// The root of the leaves appended so far (RFC 9162 MTH): the perfect subtrees folded from
    /// the right.
    public var root: SHA256Digest {
        guard var result = hashes.last else { return MerkleHash.empty }
        for hash in hashes.dropLast().reversed() {
            result = MerkleHash.node(hash, result)
        }
        return result
    }
}

extension MerkleTree {
    /// The root of a sequence of leaf hashes, computed by streaming them through a
    /// ``MerkleFrontier`` (no tree is kept).
    public static func root(ofLeafHashes leafHashes: some Sequence<SHA256Digest>) -> SHA256Digest {
        var frontier = MerkleFrontier()
        for hash in leafHashes { frontier.append(leafHash: hash) }
        return frontier.root
    }
}
