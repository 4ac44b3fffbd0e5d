import Sodium

/// A proof that the tree of ``oldSize`` leaves is a prefix of the tree of ``newSize`` leaves
/// (RFC 9162 section 2.1.4): nothing was removed or rewritten, only appended.
public struct ConsistencyProof: Hashable, Sendable {
    public var oldSize: UInt64
    public var newSize: UInt64
    public var path: [SHA256Digest]

    public init(oldSize: UInt64, newSize: UInt64, path: [SHA256Digest]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.path = path
    }

    /// The number of hashes a consistency proof between these sizes has (0 when the sizes are
    /// equal or the old tree is empty).
    public static func expectedLength(oldSize: UInt64, newSize: UInt64) -> Int {
        guard oldSize > 0, oldSize < newSize else { return 0 }
        // The path to the old tree's last leaf in the new tree, less the levels inside the
        // largest perfect subtree that ends the old tree (its root is one node of the proof).
        let inner = MerkleMath.innerProofSize(index: oldSize - 1, size: newSize)
        let border = ((oldSize - 1) >> UInt64(inner)).nonzeroBitCount
        let shift = oldSize.trailingZeroBitCount
        // RFC 9162 prepends the old root when the old size is a power of two: it is not sent.
        let start = oldSize & (oldSize - 1) == 0 ? 0 : 1
        return start + (inner - shift) + border
    }

    /// Succeeds only if `oldRoot` (of ``oldSize`` leaves) and `newRoot` (of ``newSize``) are
    /// consistent, following RFC 9162 section 2.1.4.2 and its preconditions: `oldSize` must not
    /// exceed `newSize`; equal sizes need an empty proof and equal roots; the empty tree is a
    /// prefix of every tree with an empty proof, and its root must be ``MerkleHash/empty``.
    public func verify(oldRoot: SHA256Digest, newRoot: SHA256Digest) throws(MerkleError) {
        guard oldSize <= newSize else { throw .sizesOutOfOrder(first: oldSize, second: newSize) }
        // No tree of 0 leaves has another root; RFC 9162 defines no proof from it to check it.
        guard oldSize > 0 || oldRoot == MerkleHash.empty else { throw .rootMismatch }
        if oldSize == newSize {
            guard path.isEmpty else { throw .proofNotEmpty }
            guard oldRoot == newRoot else { throw .rootsDiffer }
            return
        }
        if oldSize == 0 {
            guard path.isEmpty else { throw .proofNotEmpty }
            return
        }
        // Step 1: an empty path cannot prove 0 < first < second.
        let expected = ConsistencyProof.expectedLength(oldSize: oldSize, newSize: newSize)
        guard !path.isEmpty, path.count == expected else {
            throw .wrongProofLength(expected: expected, actual: path.count)
        }
        // Step 2: if first is a power of two, the old root is the first node of the path.
        var nodes = path[...]
        var seed: SHA256Digest
        if oldSize & (oldSize - 1) == 0 {
            seed = oldRoot
        } else {
            seed = nodes.removeFirst()
        }
        // Steps 3 to 5.
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = seed
        var sr = seed
        // Step 6.
        for node in nodes {
            guard sn != 0 else { throw .wrongProofLength(expected: expected, actual: path.count) }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(node, fr)
                sr = MerkleHash.node(node, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleHash.node(sr, node)
            }
            fn >>= 1
            sn >>= 1
        }
        // Step 7.
        guard sn == 0 else { throw .wrongProofLength(expected: expected, actual: path.count) }
        guard fr == oldRoot, sr == newRoot else { throw .rootMismatch }
    }
}
