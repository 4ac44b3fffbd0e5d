import Sodium

/// An append-only Merkle tree over leaf hashes (RFC 9162 section 2.1), kept in memory with every
/// perfect subtree's hash, so roots, inclusion proofs and consistency proofs for any earlier size
/// take O(log n) hashes.
///
/// Level 0 holds the leaf hashes; level k holds the hash of each complete, aligned group of 2^k
/// leaves. Memory is about 64 bytes per leaf. The tree does no I/O: the store feeds it the leaf
/// hashes it keeps.
public struct MerkleTree: Sendable {
    private var levels: [[SHA256Digest]] = [[]]

    /// An empty tree.
    public init() {}

    /// A tree over the given leaf hashes, in order.
    public init(leafHashes: some Sequence<SHA256Digest>) {
        for hash in leafHashes { append(leafHash: hash) }
    }

    /// The number of leaves.
    public var size: UInt64 { UInt64(levels[0].count) }

    /// Appends a leaf by its hash (`MerkleHash.leaf(bytes)`); returns its index.
    @discardableResult
    public mutating func append(leafHash: SHA256Digest) -> UInt64 {
        let index = UInt64(levels[0].count)
        levels[0].append(leafHash)
        var level = 0
        var count = levels[0].count
        while count & 1 == 0 {
            let row = levels[level]
            let parent = MerkleHash.node(row[count - 2], row[count - 1])
            if levels.count == level + 1 { levels.append([]) }
            levels[level + 1].append(parent)
            level += 1
            count = levels[level].count
        }
        return index
    }

    /// Appends a leaf by its bytes; returns its index.
    @discardableResult
    public mutating func append(leaf bytes: [UInt8]) -> UInt64 {
        append(leafHash: MerkleHash.leaf(bytes))
    }

    /// The hash of leaf `index`.
    public func leafHash(at index: UInt64) -> SHA256Digest { levels[0][Int(index)] }

    /// The root of the whole tree.
    public var root: SHA256Digest { hash(start: 0, count: size) }

    /// The root the tree had when it had `size` leaves.
    public func root(size: UInt64) throws(MerkleError) -> SHA256Digest {
        guard size <= self.size else { throw .sizeBeyondTree(requested: size, size: self.size) }
        return hash(start: 0, count: size)
    }

    /// MTH(D[start : start+count]) for a range the recursion of RFC 9162 produces: a perfect,
    /// aligned subtree is read from its level; any other is split at the largest power of two
    /// below its size (the left part is then perfect and aligned).
    func hash(start: UInt64, count: UInt64) -> SHA256Digest {
        if count == 0 { return MerkleHash.empty }
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            return levels[level][Int(start >> UInt64(level))]
        }
        let k = MerkleMath.split(count)
        return MerkleHash.node(hash(start: start, count: k), hash(start: start + k, count: count - k))
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 PATH).
    public func inclusionProof(index: UInt64, size: UInt64) throws(MerkleError) -> InclusionProof {
        guard size <= self.size else { throw .sizeBeyondTree(requested: size, size: self.size) }
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        var path: [SHA256Digest] = []
        collectPath(index: index, start: 0, count: size, into: &path)
        return InclusionProof(leafIndex: index, treeSize: size, path: path)
    }

    /// The inclusion proof of leaf `index` in the whole tree.
    public func inclusionProof(index: UInt64) throws(MerkleError) -> InclusionProof {
        try inclusionProof(index: index, size: size)
    }

    /// PATH(m, D[start : start+count]), leaf-level sibling first.
    private func collectPath(index: UInt64, start: UInt64, count: UInt64, into path: inout [SHA256Digest]) {
        guard count > 1 else { return }
        let k = MerkleMath.split(count)
        if index < k {
            collectPath(index: index, start: start, count: k, into: &path)
            path.append(hash(start: start + k, count: count - k))
        } else {
            collectPath(index: index - k, start: start + k, count: count - k, into: &path)
            path.append(hash(start: start, count: k))
        }
    }

    /// The consistency proof from the tree of `oldSize` leaves to that of `newSize` leaves
    /// (RFC 9162 PROOF); empty when the sizes are equal or `oldSize` is 0.
    public func consistencyProof(oldSize: UInt64, newSize: UInt64) throws(MerkleError) -> ConsistencyProof {
        guard newSize <= size else { throw .sizeBeyondTree(requested: newSize, size: size) }
        guard oldSize <= newSize else { throw .sizesOutOfOrder(first: oldSize, second: newSize) }
        var path: [SHA256Digest] = []
        if oldSize > 0 && oldSize < newSize {
            collectSubproof(m: oldSize, start: 0, count: newSize, complete: true, into: &path)
        }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, path: path)
    }

    /// SUBPROOF(m, D[start : start+count], b) of RFC 9162 section 2.1.4.1.
    private func collectSubproof(
        m: UInt64, start: UInt64, count: UInt64, complete: Bool, into path: inout [SHA256Digest]
    ) {
        if m == count {
            if !complete { path.append(hash(start: start, count: count)) }
            return
        }
        let k = MerkleMath.split(count)
        if m <= k {
            collectSubproof(m: m, start: start, count: k, complete: complete, into: &path)
            path.append(hash(start: start + k, count: count - k))
        } else {
            collectSubproof(m: m - k, start: start + k, count: count - k, complete: false, into: &path)
            path.append(hash(start: start, count: k))
        }
    }
}
