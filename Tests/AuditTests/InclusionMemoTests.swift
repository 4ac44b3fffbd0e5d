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
