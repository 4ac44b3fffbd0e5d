import Sodium
import TestRandom
import Testing

@testable import Ledger

/// Randomized and exhaustive checks of ``MerkleTree`` and the two proof verifiers, with a fixed
/// seed so every run sees the same cases.
@Suite("Merkle tree properties")
struct MerklePropertyTests {
    static let maxSize: UInt64 = 300
    static let leaves = MerkleTestKit.leafHashes(count: Int(maxSize), seed: 0x5EED)
    static let tree = MerkleTree(leafHashes: leaves)
    /// The bits flipped in sizes and indexes: the low ten, plus two far above any tree here.
    static let flippedBits = Array(0..<10) + [32, 63]

    /// The bits flipped in each hash of a case: all 256 in every tenth case, eight random ones in
    /// the others (every bit everywhere is about a million verifications per test, too slow for a debug build).
    static func hashBits(round: Int, _ rng: inout SplitMix64) -> [Int] {
        round % 10 == 1 ? Array(0..<256) : (0..<8).map { _ in Int(rng.next() % 256) }
    }

    /// Runs `body`, which must throw (`expected`, if given); records `what` in `failures` if not.
    /// (One `#expect` per case instead of per mutation keeps the hundreds of thousands cheap.)
    func check(
        _ failures: inout [String], _ what: String, _ expected: MerkleError? = nil,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            failures.append("\(what): accepted")
        } catch {
            guard let error = error as? MerkleError else { return failures.append("\(what): threw \(error)") }
            if let expected, error != expected { failures.append("\(what): \(error.code), not \(expected.code)") }
        }
    }

    @Test("random inclusion proofs verify, have the expected length, and every mutation is refused")
    func inclusionProofs() throws {
        var rng = SplitMix64(seed: 0x1AC1)
        var sizeAliases = 0
        for round in 0..<300 {
            let size = rng.next(in: 1...Self.maxSize)
            let index = rng.next(in: 0...(size - 1))
            let root = try Self.tree.root(size: size)
            let leaf = Self.leaves[Int(index)]
            let proof = try Self.tree.inclusionProof(index: index, size: size)
            #expect(proof.leafIndex == index && proof.treeSize == size)
            #expect(proof.path.count == InclusionProof.expectedLength(index: index, size: size))
            #expect(proof.path.count == MerkleReference.pathSides(index, size).count)
            #expect(throws: Never.self, "PATH(\(index), \(size))") { try proof.verify(leafHash: leaf, root: root) }
            var failures: [String] = []

            for bit in Self.hashBits(round: round, &rng) {
                for position in proof.path.indices {
                    var bad = proof
                    bad.path[position] = MerkleTestKit.flipping(bad.path[position], bit: bit)
                    check(&failures, "path[\(position)] bit \(bit)", .rootMismatch) {
                        try bad.verify(leafHash: leaf, root: root)
                    }
                }
                let badRoot = MerkleTestKit.flipping(root, bit: bit)
                check(&failures, "root bit \(bit)", .rootMismatch) { try proof.verify(leafHash: leaf, root: badRoot) }
                let badLeaf = MerkleTestKit.flipping(leaf, bit: bit)
                check(&failures, "leaf bit \(bit)", .rootMismatch) { try proof.verify(leafHash: badLeaf, root: root) }
            }
            for bit in Self.flippedBits {
                var badIndex = proof
                badIndex.leafIndex ^= 1 << UInt64(bit)
                // Every leaf of a tree has its own sequence of sides from the root: no alias.
                check(&failures, "index \(index) -> \(badIndex.leafIndex)") {
                    try badIndex.verify(leafHash: leaf, root: root)
                }
                var badSize = proof
                badSize.treeSize ^= 1 << UInt64(bit)
                // The root does not commit to the size: a size whose path for this index has the
                // same sides rebuilds the same root (see `sizeIsNotBoundByTheRoot`).
                if badSize.treeSize > index
                    && MerkleReference.pathSides(index, badSize.treeSize) == MerkleReference.pathSides(index, size)
                {
                    sizeAliases += 1
                    #expect(throws: Never.self) { try badSize.verify(leafHash: leaf, root: root) }
                } else {
                    check(&failures, "size \(size) -> \(badSize.treeSize)") {
                        try badSize.verify(leafHash: leaf, root: root)
                    }
                }
            }
            #expect(failures.isEmpty, "PATH(\(index), \(size)): \(failures.prefix(5))")
            var longer = proof
            longer.path.append(root)
            #expect(throws: MerkleError.self) { try longer.verify(leafHash: leaf, root: root) }
            if !proof.path.isEmpty {
                var shorter = proof
                shorter.path.removeLast()
                #expect(throws: MerkleError.self) { try shorter.verify(leafHash: leaf, root: root) }
            }
        }
        // About 1,600 of the 3,600 size flips keep the sides (a size change inside the last subtree).
        #expect(sizeAliases > 0)
    }

    @Test("random consistency proofs verify, have the expected length, and every mutation is refused")
    func consistencyProofs() throws {
        var rng = SplitMix64(seed: 0xC0C0)
        var sizeAliases = 0
        for round in 0..<300 {
            let newSize = rng.next(in: 1...Self.maxSize)
            // Every tenth case is an edge: from the empty tree, or between equal sizes.
            let oldSize = round % 10 == 0 ? 0 : round % 10 == 5 ? newSize : rng.next(in: 1...newSize)
            let oldRoot = try Self.tree.root(size: oldSize)
            let newRoot = try Self.tree.root(size: newSize)
            let proof = try Self.tree.consistencyProof(oldSize: oldSize, newSize: newSize)
            #expect(proof.oldSize == oldSize && proof.newSize == newSize)
            #expect(proof.path.count == ConsistencyProof.expectedLength(oldSize: oldSize, newSize: newSize))
            #expect(throws: Never.self, "PROOF(\(oldSize), \(newSize))") {
                try proof.verify(oldRoot: oldRoot, newRoot: newRoot)
            }
            // From the empty tree nothing about the new tree is proven, so only the old root and
            // the proof's emptiness are checked there (see `fromTheEmptyTree`).
            guard oldSize > 0 else { continue }

            var failures: [String] = []
            for bit in Self.hashBits(round: round, &rng) {
                for position in proof.path.indices {
                    var bad = proof
                    bad.path[position] = MerkleTestKit.flipping(bad.path[position], bit: bit)
                    check(&failures, "path[\(position)] bit \(bit)", .rootMismatch) {
                        try bad.verify(oldRoot: oldRoot, newRoot: newRoot)
                    }
                }
                let badOld = MerkleTestKit.flipping(oldRoot, bit: bit)
                let badNew = MerkleTestKit.flipping(newRoot, bit: bit)
                check(&failures, "old root bit \(bit)") { try proof.verify(oldRoot: badOld, newRoot: newRoot) }
                check(&failures, "new root bit \(bit)") { try proof.verify(oldRoot: oldRoot, newRoot: badNew) }
            }
            for bit in Self.flippedBits {
                for flipOld in [true, false] {
                    var bad = proof
                    if flipOld { bad.oldSize ^= 1 << UInt64(bit) } else { bad.newSize ^= 1 << UInt64(bit) }
                    // As with inclusion, sizes are bound only through the shape of the proof.
                    if oldSize < newSize
                        && MerkleReference.consistencyShapesMatch(oldSize, newSize, bad.oldSize, bad.newSize)
                    {
                        sizeAliases += 1
                        #expect(throws: Never.self) { try bad.verify(oldRoot: oldRoot, newRoot: newRoot) }
                    } else {
                        check(&failures, "sizes -> (\(bad.oldSize), \(bad.newSize))") {
                            try bad.verify(oldRoot: oldRoot, newRoot: newRoot)
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "PROOF(\(oldSize), \(newSize)): \(failures.prefix(5))")
        }
        #expect(sizeAliases > 0)
    }

    @Test("differential: every root, PATH and PROOF of sizes 1...64 equals the naive RFC 9162 model")
    func differentialAgainstReferenceModel() throws {
        var rng = SplitMix64(seed: 0xD1FF)
        let inputs: [[UInt8]] = (0..<64).map { _ in (0..<Int(rng.next() % 24)).map { _ in UInt8(rng.next() & 0xFF) } }
        let tree = MerkleTree(leafHashes: inputs.map { MerkleHash.leaf($0) })
        #expect(try tree.root(size: 0) == MerkleReference.mth([]))
        for n in 1...64 {
            let d = inputs.prefix(n)
            let size = UInt64(n)
            let root = MerkleReference.mth(d)
            #expect(try tree.root(size: size) == root, "MTH(D[\(n)])")
            for m in 0..<n {
                let proof = try tree.inclusionProof(index: UInt64(m), size: size)
                #expect(proof.path == MerkleReference.path(m, d), "PATH(\(m), D[\(n)])")
                #expect(proof.path.count == InclusionProof.expectedLength(index: UInt64(m), size: size))
                try proof.verify(leafHash: MerkleHash.leaf(inputs[m]), root: root)
            }
            for m in 1..<n {
                let proof = try tree.consistencyProof(oldSize: UInt64(m), newSize: size)
                #expect(proof.path == MerkleReference.proof(m, d), "PROOF(\(m), D[\(n)])")
                #expect(proof.path.count == ConsistencyProof.expectedLength(oldSize: UInt64(m), newSize: size))
                try proof.verify(oldRoot: MerkleReference.mth(inputs.prefix(m)), newRoot: root)
            }
        }
    }

    @Test("expected lengths match the reference recursion for every size up to 1024")
    func expectedLengths() {
        var mismatches: [String] = []
        for n in UInt64(1)...1024 {
            for m in stride(from: UInt64(0), to: n, by: n > 100 ? 7 : 1) {
                if InclusionProof.expectedLength(index: m, size: n) != MerkleReference.pathSides(m, n).count {
                    mismatches.append("inclusion (\(m), \(n))")
                }
                guard m > 0 else { continue }
                let shape = MerkleReference.consistencyShape(m, n)
                let length = shape.sides.count + (shape.seedIsOldRoot ? 0 : 1)
                if ConsistencyProof.expectedLength(oldSize: m, newSize: n) != length {
                    mismatches.append("consistency (\(m), \(n))")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("a tree size is bound by the signed checkpoint, not by the root: leaf 0 of 5 also verifies as of 7")
    func sizeIsNotBoundByTheRoot() throws {
        // PATH(0, D[5]) = [leaf 1, (2, 3), leaf 4] and PATH(0, D[7]) = [leaf 1, (2, 3), (4, 5, 6)]:
        // both have every sibling on the right, so the verifier cannot tell the sizes apart.
        let proof = try Self.tree.inclusionProof(index: 0, size: 5)
        var claimed = proof
        claimed.treeSize = 7
        try claimed.verify(leafHash: Self.leaves[0], root: try Self.tree.root(size: 5))
        #expect(MerkleReference.pathSides(0, 5) == MerkleReference.pathSides(0, 7))
        #expect(throws: MerkleError.rootMismatch) {
            try claimed.verify(leafHash: Self.leaves[0], root: try Self.tree.root(size: 7))
        }
    }

    @Test("from the empty tree: an empty proof, and the old root must be the empty tree's")
    func fromTheEmptyTree() throws {
        let newRoot = try Self.tree.root(size: 9)
        try ConsistencyProof(oldSize: 0, newSize: 9, path: []).verify(oldRoot: MerkleHash.empty, newRoot: newRoot)
        try ConsistencyProof(oldSize: 0, newSize: 0, path: []).verify(
            oldRoot: MerkleHash.empty, newRoot: MerkleHash.empty)
        #expect(throws: MerkleError.proofNotEmpty) {
            try ConsistencyProof(oldSize: 0, newSize: 9, path: [newRoot]).verify(
                oldRoot: MerkleHash.empty, newRoot: newRoot)
        }
        // No tree of 0 leaves has another root: an old checkpoint claiming one is not extended.
        let root1 = try Self.tree.root(size: 1)
        #expect(throws: MerkleError.rootMismatch) {
            try ConsistencyProof(oldSize: 0, newSize: 9, path: []).verify(oldRoot: root1, newRoot: newRoot)
        }
        #expect(throws: MerkleError.rootMismatch) {
            try ConsistencyProof(oldSize: 0, newSize: 0, path: []).verify(oldRoot: root1, newRoot: root1)
        }
    }

    @Test("the tree appends incrementally to the same state as one built at once")
    func incrementalAppend() throws {
        var tree = MerkleTree()
        for (offset, leaf) in Self.leaves.prefix(70).enumerated() {
            #expect(tree.append(leafHash: leaf) == UInt64(offset))
            #expect(tree.size == UInt64(offset + 1))
            #expect(tree.root == (try Self.tree.root(size: UInt64(offset + 1))))
        }
        var bytesTree = MerkleTree()
        bytesTree.append(leaf: [1, 2, 3])
        #expect(bytesTree.leafHash(at: 0) == SHA256.hash([0, 1, 2, 3]))
        #expect(bytesTree.root == MerkleHash.leaf([1, 2, 3]))
    }
}
