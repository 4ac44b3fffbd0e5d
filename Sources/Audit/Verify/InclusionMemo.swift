import Ledger
import Sodium

/// RFC 9162 inclusion proof verification that remembers what it has proven, so that the proofs
/// of neighbouring leaves (which share every node above the point where their paths meet) cost
/// a hash or two and a comparison of texts instead of a full path.
///
/// A node is proven once a path through it reached the root, and so is every sibling hash that
/// path used: the root commits to each of them. A later proof whose path arrives at a proven
/// node with the same hash is accepted only if every hash it gives from there on is the one
/// proven at the same place (the rest of a path through a proven node can only repeat what was
/// shown); a proof that gives any other hash anywhere is refused, as RFC 9162's check would. The
/// right neighbour of a proven leaf is proven by its own hash, without a hash computed. All
/// proofs checked by one memo must be against the same tree size and root; a memo may be kept
/// for any number of proofs (each checking thread keeps one for the whole record).
///
/// Nodes are placed by level (0 for leaves) and index at that level, as RFC 9162's algorithm
/// walks them: the last node of a level with no right sibling keeps its hash as it moves up, and
/// its left sibling is found at the level where it is a right child.
///
/// Proof hashes are read as their base64url text. A hash already proven at its place is compared
/// as text (one text per digest: the decoding is strict), so a proof through known nodes is
/// checked without decoding or hashing; others are decoded as they are needed. Checking a proof
/// allocates nothing: a path's steps wait in scratch space the memo made once.
struct InclusionMemo: ~Copyable {
    /// At each level (a tree of 2^64 leaves has 65), the last proven path's node: its index and
    /// hash, with ``unproven`` where none is.
    private var nodes: [(index: UInt64, hash: SHA256Digest)] = Array(repeating: unproven, count: 65)
    /// At each level, the sibling the last proven path used there, and its text.
    private var siblings: [(index: UInt64, hash: SHA256Digest, text: HashText)] = Array(
        repeating: (UInt64.max, .zero, HashText()), count: 65)
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
        verify(leaf: leaf, encodedPath: path.map { $0.withUnsafeBytes { Base64URL.encode($0) } }, leafHash: leafHash)
    }

    /// The same, with the path's hashes given as base64url text.
    mutating func verify(leaf: UInt64, encodedPath: [String], leafHash: SHA256Digest) -> Bool {
        // A digest's text is 43 characters; any other text is not a hash, and fails the proof.
        guard encodedPath.allSatisfy({ $0.utf8.count == ProofTexts.length }) else { return false }
        let texts = encodedPath.flatMap(\.utf8)
        return texts.withUnsafeBytes { bytes in
            verify(
                leaf: leaf, proof: ProofTexts(bytes.baseAddress, count: encodedPath.count, stride: ProofTexts.length),
                leafHash: leafHash)
        }
    }

    /// The same, with the path's hashes given as texts of 43 characters in place.
    mutating func verify(leaf: UInt64, proof: ProofTexts, leafHash: SHA256Digest) -> Bool {
        let count = proof.count
        guard leaf < size, count == InclusionProof.expectedLength(index: leaf, size: size) else { return false }
        // A path has at most 64 hashes; its steps wait in the memo's scratch until it is proven
        // (a path of 20 steps is larger than Swift places on the stack).
        return verify(leaf: leaf, proof: proof, leafHash: leafHash, steps: scratch)
    }

    /// Room for the steps of one path, made once with the memo (which is not copied, so no two
    /// threads share it).
    private let scratch = UnsafeMutableBufferPointer<Step>.allocate(capacity: 64)

    deinit { scratch.deallocate() }

    /// One step of a path: the node it starts from and the sibling it is hashed with.
    private struct Step {
        var level: Int
        var index: UInt64
        var hash: SHA256Digest
        var siblingLevel: Int
        var siblingIndex: UInt64
        var sibling: SHA256Digest
    }

    /// The hash proven for the node at `index` on `level`, if one is.
    private func provenHash(level: Int, index: UInt64) -> SHA256Digest? {
        let node = nodes[level]
        if node.index == index { return node.hash }
        let sibling = siblings[level]
        return sibling.index == index ? sibling.hash : nil
    }

    /// Where the sibling of node `fn` (of the last node `sn` of its level) is: its level and
    /// index, and whether it is on the left; `fn` and `sn` move up past levels where the node has
    /// no sibling.
    private static func sibling(
        of fn: inout UInt64, last sn: inout UInt64, level: inout Int
    ) -> (level: Int, index: UInt64, onLeft: Bool) {
        guard fn & 1 == 1 || fn == sn else { return (level, fn + 1, false) }
        // A last node with no right sibling moves up until it is a right child (fn is not 0
        // here: fn == sn, and sn is not 0), whose sibling is on its left.
        while fn & 1 == 0 && fn != 0 {
            fn >>= 1
            sn >>= 1
            level += 1
        }
        return (level, fn - 1, true)
    }

    /// `steps` holds the path's steps as they are computed, until the path is proven.
    private mutating func verify(
        leaf: UInt64, proof: ProofTexts, leafHash: SHA256Digest, steps: UnsafeMutableBufferPointer<Step>
    ) -> Bool {
        var fn = leaf
        var sn = size - 1
        var level = 0
        var result = leafHash
        // Steps are plain values (no references), so the buffer needs no deinitialization.
        var taken = 0
        for position in 0..<proof.count {
            if let known = provenHash(level: level, index: fn) {
                // The tree has one hash per node: arriving with another is a failure.
                guard known == result else { return false }
                if restIsProven(proof, from: position, fn: fn, sn: sn, level: level) {
                    remember(steps: steps, taken: taken, proof: proof)
                    return true
                }
            }
            guard sn != 0, let sibling = SHA256Digest(base64URL: proof.text(position)) else { return false }
            let start = (level, fn, result)
            let place = Self.sibling(of: &fn, last: &sn, level: &level)
            steps.initializeElement(
                at: taken,
                to: Step(
                    level: start.0, index: start.1, hash: start.2, siblingLevel: place.level,
                    siblingIndex: place.index, sibling: sibling))
            taken += 1
            result = place.onLeft ? MerkleHash.node(sibling, result) : MerkleHash.node(result, sibling)
            fn >>= 1
            sn >>= 1
            level += 1
        }
        guard sn == 0, result == root else { return false }
        remember(steps: steps, taken: taken, proof: proof)
        return true
    }

    /// Whether every hash of `proof` from `position` on is the one proven at its place, for a
    /// path at node `fn` of `level` (whose last node is `sn`) whose hash is proven.
    private func restIsProven(_ proof: ProofTexts, from position: Int, fn: UInt64, sn: UInt64, level: Int) -> Bool {
        var (fn, sn, level) = (fn, sn, level)
        for position in position..<proof.count {
            guard sn != 0 else { return false }
            let place = Self.sibling(of: &fn, last: &sn, level: &level)
            let text = proof.text(position)
            let sibling = siblings[place.level]
            if sibling.index == place.index {
                guard sibling.text.equals(text) else { return false }
            } else {
                let node = nodes[place.level]
                guard node.index == place.index, SHA256Digest(base64URL: text) == node.hash else { return false }
            }
            fn >>= 1
            sn >>= 1
            level += 1
        }
        return sn == 0
    }

    /// Records the steps of a proven path (step `n` hashed with the text of hash `n`).
    private mutating func remember(steps: UnsafeMutableBufferPointer<Step>, taken: Int, proof: ProofTexts) {
        for (offset, step) in steps[..<taken].enumerated() {
            nodes[step.level] = (step.index, step.hash)
            siblings[step.siblingLevel] = (step.siblingIndex, step.sibling, HashText(proof.text(offset)))
        }
    }
}

/// A hash's 43 characters of text, held inline.
private struct HashText {
    /// The 43 characters and a zero byte, as six words in byte order.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)

    init() {}

    init(_ text: UnsafeRawBufferPointer) {
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: text) }
    }

    /// Whether `text` (43 bytes) is these characters: compared as six words, the last of which
    /// overlaps the fifth by five bytes (no call, no loop: a proof checked against known hashes
    /// compares twenty of these).
    func equals(_ text: UnsafeRawBufferPointer) -> Bool {
        let other = (
            text.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            text.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            text.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
            text.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
            text.loadUnaligned(fromByteOffset: 32, as: UInt64.self),
            text.loadUnaligned(fromByteOffset: 35, as: UInt64.self)
        )
        let last = withUnsafeBytes(of: words) { $0.loadUnaligned(fromByteOffset: 35, as: UInt64.self) }
        return (words.0 ^ other.0) | (words.1 ^ other.1) | (words.2 ^ other.2) | (words.3 ^ other.3)
            | (words.4 ^ other.4) | (last ^ other.5) == 0
    }
}
