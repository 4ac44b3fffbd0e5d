import Sodium

/// A naive model of RFC 9162 section 2.1, written from the RFC's recursive definitions and
/// nothing else: it hashes with `SHA256.hash` over concatenated bytes (not `MerkleHash`), walks
/// ranges of leaf inputs, and recomputes every subtree hash from the leaves. Slow on purpose, so
/// it can serve as the differential oracle for ``MerkleTree``.
enum MerkleReference {
    /// The largest power of two strictly smaller than `n` (n > 1): the RFC's `k`.
    static func split(_ n: Int) -> Int {
        precondition(n > 1)
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D) for the leaf inputs `d`: `SHA-256()` when empty, `SHA-256(0x00 || d[0])` for one,
    /// else `SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))`.
    static func mth(_ d: ArraySlice<[UInt8]>) -> SHA256Digest {
        switch d.count {
        case 0:
            return SHA256.hash([UInt8]())
        case 1:
            return SHA256.hash([0x00] + d[d.startIndex])
        default:
            let k = split(d.count)
            let left = mth(d.prefix(k))
            let right = mth(d.dropFirst(k))
            return SHA256.hash([0x01] + left.bytes + right.bytes)
        }
    }

    /// PATH(m, D): the audit path of leaf `m`, leaf-level sibling first.
    static func path(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [SHA256Digest] {
        precondition(m < d.count)
        guard d.count > 1 else { return [] }
        let k = split(d.count)
        if m < k {
            return path(m, d.prefix(k)) + [mth(d.dropFirst(k))]
        }
        return path(m - k, d.dropFirst(k)) + [mth(d.prefix(k))]
    }

    /// PROOF(m, D) = SUBPROOF(m, D, true), for 0 < m < n.
    static func proof(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [SHA256Digest] {
        precondition(0 < m && m < d.count)
        return subproof(m, d, true)
    }

    /// SUBPROOF(m, D, b) of RFC 9162 section 2.1.4.1.
    static func subproof(_ m: Int, _ d: ArraySlice<[UInt8]>, _ b: Bool) -> [SHA256Digest] {
        if m == d.count { return b ? [] : [mth(d)] }
        let k = split(d.count)
        if m <= k {
            return subproof(m, d.prefix(k), b) + [mth(d.dropFirst(k))]
        }
        return subproof(m - k, d.dropFirst(k), false) + [mth(d.prefix(k))]
    }

    // MARK: Subtrees (draft-ietf-plants-merkle-tree-certs)

    /// Whether `[start, end)` is a subtree: `start <= end`, `start` a multiple of BIT_CEIL(end - start).
    static func isSubtree(_ start: Int, _ end: Int) -> Bool {
        guard start <= end else { return false }
        var ceiling = 1
        while ceiling < end - start { ceiling *= 2 }
        return start % ceiling == 0
    }

    /// SUBTREE_PROOF(start, end, D_n).
    static func subtreeProof(_ start: Int, _ end: Int, _ d: ArraySlice<[UInt8]>) -> [SHA256Digest] {
        start == end ? [] : subtreeSubproof(start, end, d, true)
    }

    /// SUBTREE_SUBPROOF(start, end, D_n, b), `start` and `end` relative to the slice.
    static func subtreeSubproof(_ start: Int, _ end: Int, _ d: ArraySlice<[UInt8]>, _ b: Bool) -> [SHA256Digest] {
        if start == 0 && end == d.count { return b ? [] : [mth(d)] }
        let k = split(d.count)
        if end <= k { return subtreeSubproof(start, end, d.prefix(k), b) + [mth(d.dropFirst(k))] }
        if k <= start { return subtreeSubproof(start - k, end - k, d.dropFirst(k), b) + [mth(d.prefix(k))] }
        return subtreeSubproof(0, end - k, d.dropFirst(k), false) + [mth(d.prefix(k))]
    }

    // MARK: Shapes

    /// ``split(_:)`` for any 64-bit size (`k < n - k` is `2k < n` without overflow).
    static func split(_ n: UInt64) -> UInt64 {
        precondition(n > 1)
        var k: UInt64 = 1
        while k < n - k { k <<= 1 }
        return k
    }

    /// Where a proof hash sits relative to the node being rebuilt.
    enum Side: Equatable {
        /// A left sibling: the rebuilt node is `HASH(0x01 || sibling || node)`.
        case left
        /// A right sibling: the rebuilt node is `HASH(0x01 || node || sibling)`.
        case right
    }

    /// The sides of PATH(m, D[n]), in proof order, from the same recursion as ``path(_:_:)``.
    ///
    /// An RFC 9162 verifier rebuilds a root from a path by these sides only. So a proof for
    /// (m, n) also verifies for (m, n') against the same root exactly when the two side lists are
    /// equal: the tree size is not bound by the root hash, only by the signed checkpoint.
    static func pathSides(_ m: UInt64, _ n: UInt64) -> [Side] {
        precondition(m < n)
        guard n > 1 else { return [] }
        let k = split(n)
        if m < k { return pathSides(m, k) + [.right] }
        return pathSides(m - k, n - k) + [.left]
    }

    /// The shape of PROOF(m, D[n]) (0 < m < n): whether its first hash is omitted because it is
    /// the old root itself (m a power of two), and the sides of the hashes that follow the seed.
    /// As with paths, a consistency verifier sees nothing of (m, n) beyond this shape.
    static func consistencyShape(_ m: UInt64, _ n: UInt64) -> (seedIsOldRoot: Bool, sides: [Side]) {
        precondition(0 < m && m < n)
        return subproofShape(m, n, true)
    }

    private static func subproofShape(_ m: UInt64, _ n: UInt64, _ b: Bool) -> (seedIsOldRoot: Bool, sides: [Side]) {
        if m == n { return (b, []) }
        let k = split(n)
        if m <= k {
            let inner = subproofShape(m, k, b)
            return (inner.seedIsOldRoot, inner.sides + [.right])
        }
        let inner = subproofShape(m - k, n - k, false)
        return (inner.seedIsOldRoot, inner.sides + [.left])
    }

    /// Whether a valid proof for (m, n) also verifies, unchanged, as a proof for (m2, n2).
    static func consistencyShapesMatch(_ m: UInt64, _ n: UInt64, _ m2: UInt64, _ n2: UInt64) -> Bool {
        guard 0 < m2, m2 < n2 else { return false }
        let a = consistencyShape(m, n)
        let b = consistencyShape(m2, n2)
        return a.seedIsOldRoot == b.seedIsOldRoot && a.sides == b.sides
    }
}
