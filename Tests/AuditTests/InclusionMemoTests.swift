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

    /// Whether `memo` accepts `texts` (each a hash's 43 characters) as the proof of `leaf`.
    private static func verify(
        _ memo: inout InclusionMemo, leaf: UInt64, texts: [[UInt8]], leafHash: SHA256Digest
    ) -> Bool {
        Array(texts.joined()).withUnsafeBytes { bytes in
            memo.verify(
                leaf: leaf, proof: ProofTexts(bytes.baseAddress, count: texts.count, stride: 43), leafHash: leafHash)
        }
    }

    @Test("a hash above a proven node is compared as its exact text: another text of it, or a foreign one, is refused")
    func provenHashesComparedAsText() throws {
        let size = 1_000
        let tree = Self.tree(size)
        var memo = InclusionMemo(size: UInt64(size), root: tree.root)
        // Leaf 10 proves its whole path; leaf 11's path meets it at once, so every hash of leaf
        // 11's proof is compared with what leaf 10 proved.
        let first = try tree.inclusionProof(index: 10).path
        let firstProven = memo.verify(leaf: 10, path: first, leafHash: tree.leafHash(at: 10))
        #expect(firstProven)
        let texts = try tree.inclusionProof(index: 11).path.map {
            Array($0.withUnsafeBytes { Base64URL.encode($0) }.utf8)
        }
        let leafHash = tree.leafHash(at: 11)
        #expect(Self.verify(&memo, leaf: 11, texts: texts, leafHash: leafHash))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        for position in texts.indices {
            // A digest's last character leaves its two low bits unused (zero): setting one gives
            // a text a lenient decoder reads as the same digest, which strict decoding refuses.
            var lenient = texts
            let value = try #require(alphabet.firstIndex(of: texts[position][42]))
            #expect(value % 4 == 0)
            lenient[position][42] = alphabet[value + 1]
            #expect(!Self.verify(&memo, leaf: 11, texts: lenient, leafHash: leafHash), "position \(position)")
            var foreign = texts
            foreign[position][20] = UInt8(ascii: "=")
            #expect(!Self.verify(&memo, leaf: 11, texts: foreign, leafHash: leafHash), "position \(position)")
        }
        #expect(Self.verify(&memo, leaf: 11, texts: texts, leafHash: leafHash))
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
