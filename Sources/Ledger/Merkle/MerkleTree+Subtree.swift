import Sodium

/// Subtrees (draft-ietf-plants-merkle-tree-certs, "Subtrees"): `MTH(D[start:end])` for ranges
/// aligned with the tree, with their inclusion and consistency proofs.
extension MerkleTree {
    /// Whether `[start, end)` is a subtree: `start <= end` and `start` is a multiple of the
    /// smallest power of two not below `end - start`. Every `[0, x)` and every empty `[x, x)` is one.
    public static func isSubtree(start: UInt64, end: UInt64) -> Bool {
        guard start <= end else { return false }
        let count = end - start
        guard count > 1 else { return true }
        // BIT_CEIL(count) is 2^width; start must have its low `width` bits clear (start = 0 when
        // width is 64, which also covers a BIT_CEIL of 2^64 that does not fit in 64 bits).
        let width = 64 - (count - 1).leadingZeroBitCount
        return start.trailingZeroBitCount >= width
    }

    /// The subtree's hash `MTH(D[start:end])`, for a subtree within the tree.
    public func subtreeHash(start: UInt64, end: UInt64) throws(MerkleError) -> SHA256Digest {
        guard MerkleTree.isSubtree(start: start, end: end) else { throw .notASubtree(start: start, end: end) }
        guard end <= size else { throw .sizeBeyondTree(requested: end, size: size) }
        // Aligned, so the RFC 9162 split of the range only ever meets aligned perfect subtrees.
        return hash(start: start, count: end - start)
    }

    /// The inclusion proof of leaf `index` in the subtree `[start, end)`.
    public func subtreeInclusionProof(
        index: UInt64, start: UInt64, end: UInt64
    ) throws(MerkleError) -> SubtreeInclusionProof {
        guard MerkleTree.isSubtree(start: start, end: end) else { throw .notASubtree(start: start, end: end) }
        guard end <= size else { throw .sizeBeyondTree(requested: end, size: size) }
        guard start <= index, index < end else { throw .indexOutsideSubtree(index: index, start: start, end: end) }
        var path: [SHA256Digest] = []
        appendPath(to: index, first: start, count: end - start, into: &path)
        return SubtreeInclusionProof(leafIndex: index, start: start, end: end, path: path)
    }

    /// The consistency proof of the subtree `[start, end)` with the tree of `treeSize` leaves
    /// (the draft's `SUBTREE_PROOF`); empty for an empty subtree or the whole tree.
    public func subtreeConsistencyProof(
        start: UInt64, end: UInt64, treeSize: UInt64
    ) throws(MerkleError) -> SubtreeConsistencyProof {
        guard treeSize <= size else { throw .sizeBeyondTree(requested: treeSize, size: size) }
        guard MerkleTree.isSubtree(start: start, end: end) else { throw .notASubtree(start: start, end: end) }
        guard end <= treeSize else { throw .sizeBeyondTree(requested: end, size: treeSize) }
        var path: [SHA256Digest] = []
        if start < end {
            appendSubtreeSubproof(start: start, end: end, first: 0, count: treeSize, known: true, into: &path)
        }
        return SubtreeConsistencyProof(start: start, end: end, treeSize: treeSize, path: path)
    }

    /// PATH of leaf `index` (absolute) in `D[first : first+count]`, leaf-level sibling first.
    private func appendPath(to index: UInt64, first: UInt64, count: UInt64, into path: inout [SHA256Digest]) {
        guard count > 1 else { return }
        let k = MerkleMath.split(count)
        if index < first + k {
            appendPath(to: index, first: first, count: k, into: &path)
            path.append(hash(start: first + k, count: count - k))
        } else {
            appendPath(to: index, first: first + k, count: count - k, into: &path)
            path.append(hash(start: first, count: k))
        }
    }

    /// `SUBTREE_SUBPROOF(start, end, D[first : first+count], known)`, with `start` and `end`
    /// absolute. `known` says whether the verifier already has the hash the recursion ends on.
    private func appendSubtreeSubproof(
        start: UInt64, end: UInt64, first: UInt64, count: UInt64, known: Bool, into path: inout [SHA256Digest]
    ) {
        if start == first && end == first + count {
            if !known { path.append(hash(start: first, count: count)) }
            return
        }
        let k = MerkleMath.split(count)
        let middle = first + k
        if end <= middle {
            // Entirely in the left child: prove it there, then add the right child.
            appendSubtreeSubproof(start: start, end: end, first: first, count: k, known: known, into: &path)
            path.append(hash(start: middle, count: count - k))
        } else if middle <= start {
            // Entirely in the right child: prove it there, then add the left child.
            appendSubtreeSubproof(
                start: start, end: end, first: middle, count: count - k, known: known, into: &path)
            path.append(hash(start: first, count: k))
        } else {
            // Straddling the split, so `start == first`: the left child is the subtree's own left
            // part, and the rest is proven in the right child, whose starting hash is then sent.
            appendSubtreeSubproof(
                start: middle, end: end, first: middle, count: count - k, known: false, into: &path)
            path.append(hash(start: first, count: k))
        }
    }
}
