import Ledger
import Sodium
import Testing

@testable import Audit

/// The memoised inclusion check must accept exactly the proofs RFC 9162's algorithm accepts.
@Suite("Memoised inclusion proofs agree with RFC 9162 verification")
struct InclusionMemoTests {
    static func tree(_ size: Int) -> MerkleTree {
        MerkleTree(leafHashes: (0..<size).map { MerkleHash.leaf(Array("leaf \($0)".utf8)) })
    }

    @Test("every leaf, in order, then in a shuffled order, for tree sizes 1 to 70", arguments: [false, true])
    func everyLeafAccepted(shuffled: Bool) throws {
        var generator = SystemRandomNumberGenerator()
        for size in 1...70 {
            let tree = Self.tree(size)
            var memo = InclusionMemo(size: UInt64(size), root: tree.root)
            var leaves = Array(0..<UInt64(size))
            if shuffled { leaves.shuffle(using: &generator) }
            for leaf in leaves {
                let proof = try tree.inclusionProof(index: leaf)
                let accepted = memo.verify(leaf: leaf, path: proof.path, leafHash: tree.leafHash(at: leaf))
                #expect(accepted, "size \(size) leaf \(leaf)")
            }
        }
    }

    @Test("one memo agrees with RFC 9162 verification on 3,000 random claims in trees of up to 5,000 leaves")
    func agreesOnRandomClaims() throws {
        var generator = SystemRandomNumberGenerator()
        for size in [97, 1_024, 1_025, 4_097, 5_000] {
            let tree = Self.tree(size)
            var memo = InclusionMemo(size: UInt64(size), root: tree.root)
            for _ in 0..<600 {
                // A leaf's true proof, claimed for it, for a neighbour, with a wrong hash, or with
                // one path hash changed; the memo must say what RFC 9162's check says.
                let leaf = UInt64.random(in: 0..<UInt64(size), using: &generator)
                let proof = try tree.inclusionProof(index: leaf)
                var claimed = leaf
                var leafHash = tree.leafHash(at: leaf)
                var path = proof.path
                switch Int.random(in: 0..<4, using: &generator) {
                case 1: claimed = min(leaf + 1, UInt64(size) - 1)
                case 2: leafHash = tree.leafHash(at: (leaf + 1) % UInt64(size))
                case 3 where !path.isEmpty: path[Int.random(in: 0..<path.count, using: &generator)] = leafHash
                default: break
                }
                let expected =
                    (try? InclusionProof(leafIndex: claimed, treeSize: UInt64(size), path: path).verify(
                        leafHash: leafHash, root: tree.root)) != nil
                let accepted = memo.verify(leaf: claimed, path: path, leafHash: leafHash)
                #expect(accepted == expected, "size \(size) leaf \(leaf) claimed \(claimed)")
            }
        }
    }

    @Test(
        "a wrong leaf hash, a changed path hash, or another leaf's index is refused, even after neighbours were proven")
    func tamperingRefused() throws {
        for size in [2, 3, 7, 8, 33, 64] {
            let tree = Self.tree(size)
            var memo = InclusionMemo(size: UInt64(size), root: tree.root)
            for leaf in 0..<UInt64(size) {
                let proof = try tree.inclusionProof(index: leaf)
                let wrong = MerkleHash.leaf(Array("forged".utf8))
                let forgedLeaf = memo.verify(leaf: leaf, path: proof.path, leafHash: wrong)
                #expect(!forgedLeaf)
                if !proof.path.isEmpty {
                    var path = proof.path
                    path[0] = MerkleHash.leaf(Array("x".utf8))
                    let forgedPath = memo.verify(leaf: leaf, path: path, leafHash: tree.leafHash(at: leaf))
                    #expect(!forgedPath)
                }
                if size > 1 {
                    let other = (leaf + 1) % UInt64(size)
                    let otherLeaf = memo.verify(leaf: other, path: proof.path, leafHash: tree.leafHash(at: leaf))
                    #expect(!otherLeaf)
                }
                let genuine = memo.verify(leaf: leaf, path: proof.path, leafHash: tree.leafHash(at: leaf))
                #expect(genuine)
            }
        }
    }
}
