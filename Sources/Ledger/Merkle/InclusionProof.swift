import Sodium

/// A proof that the leaf at ``leafIndex`` is in the tree of ``treeSize`` leaves (RFC 9162
/// section 2.1.3): the audit path from the leaf up to the root.
public struct InclusionProof: Hashable, Sendable {
    public var leafIndex: UInt64
    public var treeSize: UInt64
    /// Sibling hashes from the leaf's level upward.
    public var path: [SHA256Digest]

    public init(leafIndex: UInt64, treeSize: UInt64, path: [SHA256Digest]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.path = path
    }

    /// The number of hashes an inclusion proof for `index` in a tree of `size` leaves has.
    public static func expectedLength(index: UInt64, size: UInt64) -> Int {
        // Levels where the paths to `index` and to the last leaf have split, plus the levels of
        // the last leaf's path that have a left sibling above that split.
        let inner = MerkleMath.innerProofSize(index: index, size: size)
        let border = (index >> UInt64(inner)).nonzeroBitCount
        return inner + border
    }

    /// The root this proof leads to from `leafHash`, following RFC 9162 section 2.1.3.2.
    public func root(fromLeafHash leafHash: SHA256Digest) throws(MerkleError) -> SHA256Digest {
        guard leafIndex < treeSize else { throw .indexOutOfRange(index: leafIndex, size: treeSize) }
        let expected = InclusionProof.expectedLength(index: leafIndex, size: treeSize)
        guard path.count == expected else { throw .wrongProofLength(expected: expected, actual: path.count) }
        var fn = leafIndex
        var sn = treeSize - 1
        var result = leafHash
        for sibling in path {
            // Step 4a: a proof with more hashes than levels ends here (excluded by the length check).
            guard sn != 0 else { throw .wrongProofLength(expected: expected, actual: path.count) }
            if fn & 1 == 1 || fn == sn {
                result = MerkleHash.node(sibling, result)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                result = MerkleHash.node(result, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .wrongProofLength(expected: expected, actual: path.count) }
        return result
    }

    /// Succeeds only if the proof leads from `leafHash` to exactly `root`.
    public func verify(leafHash: SHA256Digest, root: SHA256Digest) throws(MerkleError) {
        guard try self.root(fromLeafHash: leafHash) == root else { throw .rootMismatch }
    }
}

/// Bit arithmetic shared by the proof algorithms.
enum MerkleMath {
    /// The number of levels below the point where the paths to `index` and to `size - 1` meet.
    static func innerProofSize(index: UInt64, size: UInt64) -> Int {
        let differing = index ^ (size - 1)
        return differing == 0 ? 0 : 64 - differing.leadingZeroBitCount
    }

    /// The largest power of two strictly below `n` (n > 1): the split point `k` of RFC 9162.
    static func split(_ n: UInt64) -> UInt64 {
        precondition(n > 1)
        return 1 << UInt64(63 - (n - 1).leadingZeroBitCount)
    }
}
