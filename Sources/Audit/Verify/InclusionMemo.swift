import Ledger
import Sodium

/// RFC 9162 inclusion proof verification that remembers the nodes it has proven, so that the
/// proofs of neighbouring leaves (which share every node above the point where their paths
/// meet) cost a hash or two instead of a full path.
///
/// A node is proven once a path through it reached the root. A later proof that arrives at a
/// proven node with the same hash is proven there (the rest of its path can only repeat what was
/// shown); arriving with a different hash is a failure, as the tree has one hash per node. All
/// proofs checked by one memo must be against the same tree size and root; a memo may be kept
/// for any number of proofs (each checking thread keeps one for the whole record).
///
/// Checking a proof allocates nothing: the proven nodes are one table made with the memo, and a
/// path's nodes are held on the stack until the path reaches the root.
struct InclusionMemo {
    /// A node of the tree: its level (0 for leaves), its index at that level, its hash.
    private typealias Node = (level: Int, index: UInt64, hash: SHA256Digest)
    /// The last proven node at each level (a tree of 2^64 leaves has 65 levels), with
    /// ``unproven`` where none is.
    private var proven: [(index: UInt64, hash: SHA256Digest)] = Array(repeating: unproven, count: 65)
    /// No node's index is `UInt64.max` (leaf indices are below the size, itself a `UInt64`).
    private static let unproven = (index: UInt64.max, hash: SHA256Digest.zero)
    let size: UInt64
    let root: SHA256Digest

    init(size: UInt64, root: SHA256Digest) {
        self.size = size
        self.root = root
    }

    /// Whether `path` proves `leafHash` at `leaf` in the tree of ``size`` leaves with ``root``.
    mutating func verify(leaf: UInt64, path: [SHA256Digest], leafHash: SHA256Digest) -> Bool {
        verify(leaf: leaf, count: path.count, leafHash: leafHash) { path[$0] }
    }

    /// The same, with the path's hashes given as base64url text, decoded only as far as needed.
    mutating func verify(leaf: UInt64, encodedPath: [String], leafHash: SHA256Digest) -> Bool {
        verify(leaf: leaf, count: encodedPath.count, leafHash: leafHash) { index in
            guard let bytes = try? Base64URL.decode(encodedPath[index]) else { return nil }
            return try? SHA256Digest(bytes: bytes)
        }
    }

    /// The same, with the path's `count` hashes given by `hash` (nil for one that does not
    /// decode), asked for only as far as needed.
    mutating func verify(
        leaf: UInt64, count: Int, leafHash: SHA256Digest, hash: (Int) -> SHA256Digest?
    ) -> Bool {
        guard leaf < size, count == InclusionProof.expectedLength(index: leaf, size: size) else { return false }
        // A path has at most 64 hashes, and its nodes wait here until it reaches the root.
        return withUnsafeTemporaryAllocation(of: Node.self, capacity: count) { computed in
            verify(leaf: leaf, count: count, leafHash: leafHash, computed: computed, hash: hash)
        }
    }

    private mutating func verify(
        leaf: UInt64, count: Int, leafHash: SHA256Digest, computed: UnsafeMutableBufferPointer<Node>,
        hash: (Int) -> SHA256Digest?
    ) -> Bool {
        var fn = leaf
        var sn = size - 1
        var level = 0
        var result = leafHash
        var nodes = 0
        // Nodes are plain values (no references), so the buffer needs no deinitialization.
        func remember() {
            for node in computed[..<nodes] where node.level < proven.count {
                proven[node.level] = (node.index, node.hash)
            }
        }
        for position in 0..<count {
            let known = proven[level]
            if known.index == fn {
                guard known.hash == result else { return false }
                remember()
                return true
            }
            computed.initializeElement(at: nodes, to: (level, fn, result))
            nodes += 1
            guard sn != 0, let sibling = hash(position) else { return false }
            if fn & 1 == 1 || fn == sn {
                result = MerkleHash.node(sibling, result)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                        level += 1
                    }
                }
            } else {
                result = MerkleHash.node(result, sibling)
            }
            fn >>= 1
            sn >>= 1
            level += 1
        }
        guard sn == 0, result == root else { return false }
        remember()
        return true
    }
}
