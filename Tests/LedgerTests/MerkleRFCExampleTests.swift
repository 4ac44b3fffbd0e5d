import Sodium
import Testing

@testable import Ledger

/// The RFC 6962 reference test data used by Certificate Transparency implementations
/// (transparency-dev/merkle `testonly/constants.go`, originally google/certificate-transparency):
/// eight leaf inputs, the root of every prefix, every perfect subtree's hash, and known proofs.
enum MerkleRFC6962Data {
    static let leafInputs: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map { MerkleTestKit.bytes(hex: $0) }

    /// MTH(D[0:n]) for n = 0...8.
    static let roots: [SHA256Digest] = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { MerkleTestKit.digest(hex: $0) }

    /// The hashes of the perfect subtrees of the 8-leaf tree, by level (0 = leaves).
    static let levels: [[SHA256Digest]] = [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ].map { $0.map { MerkleTestKit.digest(hex: $0) } }

    /// Known inclusion proofs in the 8-leaf tree's prefixes: (index, size, path as level/offset).
    static let inclusion: [(index: UInt64, size: UInt64, path: [(level: Int, offset: Int)])] = [
        (0, 1, []),
        (0, 8, [(0, 1), (1, 1), (2, 1)]),
        (5, 8, [(0, 4), (1, 3), (2, 0)]),
        (2, 3, [(1, 0)]),
        (1, 5, [(0, 0), (1, 1), (0, 4)]),
    ]

    /// Known consistency proofs: (old size, new size, path as level/offset).
    static let consistency: [(old: UInt64, new: UInt64, path: [(level: Int, offset: Int)])] = [
        (1, 1, []),
        (1, 8, [(0, 1), (1, 1), (2, 1)]),
        (6, 8, [(1, 2), (1, 3), (2, 0)]),
        (2, 5, [(1, 1), (0, 4)]),
        (6, 7, [(1, 2), (0, 6), (2, 0)]),
    ]
}

@Suite("RFC 6962 / RFC 9162 reference trees")
struct MerkleRFCExampleTests {
    let tree = MerkleTree(leafHashes: MerkleRFC6962Data.leafInputs.map { MerkleHash.leaf($0) })

    @Test("the roots of the reference tree's prefixes are the known ones, sizes 0 to 8")
    func knownRoots() throws {
        #expect(tree.size == 8)
        #expect(MerkleHash.empty == MerkleRFC6962Data.roots[0])
        #expect(MerkleTree().root == MerkleRFC6962Data.roots[0])
        for size in 0...8 {
            #expect(try tree.root(size: UInt64(size)) == MerkleRFC6962Data.roots[size], "size \(size)")
            let reference = MerkleReference.mth(MerkleRFC6962Data.leafInputs.prefix(size))
            #expect(reference == MerkleRFC6962Data.roots[size], "reference model, size \(size)")
        }
        #expect(tree.root == MerkleRFC6962Data.roots[8])
    }

    @Test("leaf and node hashes are the known perfect-subtree hashes")
    func knownNodes() throws {
        for (index, input) in MerkleRFC6962Data.leafInputs.enumerated() {
            #expect(MerkleHash.leaf(input) == MerkleRFC6962Data.levels[0][index])
            #expect(tree.leafHash(at: UInt64(index)) == MerkleRFC6962Data.levels[0][index])
        }
        for level in 1..<4 {
            for (offset, expected) in MerkleRFC6962Data.levels[level].enumerated() {
                let below = MerkleRFC6962Data.levels[level - 1]
                #expect(MerkleHash.node(below[2 * offset], below[2 * offset + 1]) == expected)
                let width = 1 << level
                #expect(tree.hash(start: UInt64(offset * width), count: UInt64(width)) == expected)
            }
        }
    }

    @Test("the known inclusion and consistency proofs are generated exactly, and verify")
    func knownProofs() throws {
        let node = { (spot: (level: Int, offset: Int)) in MerkleRFC6962Data.levels[spot.level][spot.offset] }
        for known in MerkleRFC6962Data.inclusion {
            let proof = try tree.inclusionProof(index: known.index, size: known.size)
            #expect(proof.path == known.path.map(node), "PATH(\(known.index), D\(known.size))")
            try proof.verify(
                leafHash: MerkleRFC6962Data.levels[0][Int(known.index)], root: MerkleRFC6962Data.roots[Int(known.size)])
        }
        for known in MerkleRFC6962Data.consistency {
            let proof = try tree.consistencyProof(oldSize: known.old, newSize: known.new)
            #expect(proof.path == known.path.map(node), "PROOF(\(known.old), D\(known.new))")
            try proof.verify(
                oldRoot: MerkleRFC6962Data.roots[Int(known.old)], newRoot: MerkleRFC6962Data.roots[Int(known.new)])
        }
    }

    /// The seven-leaf tree of RFC 9162 section 2.1.5 (RFC 6962 section 2.1.3), nodes named as in its
    /// figure: a to f and j are leaves, g = (a, b), h = (c, d), i = (e, f), k = (g, h), l = (i, j).
    struct SevenLeafExample {
        let a, b, c, d, e, f, g, h, i, j, k, l, root: SHA256Digest

        init() {
            let leaf = { (n: Int) in MerkleHash.leaf(MerkleRFC6962Data.leafInputs[n]) }
            (a, b, c, d, e, f, j) = (leaf(0), leaf(1), leaf(2), leaf(3), leaf(4), leaf(5), leaf(6))
            g = MerkleHash.node(a, b)
            h = MerkleHash.node(c, d)
            i = MerkleHash.node(e, f)
            k = MerkleHash.node(g, h)
            l = MerkleHash.node(i, j)
            root = MerkleHash.node(k, l)
        }
    }

    @Test("RFC 9162 section 2.1.5: the audit paths of the seven-leaf example")
    func sevenLeafAuditPaths() throws {
        let x = SevenLeafExample()
        #expect(x.root == MerkleRFC6962Data.roots[7])
        #expect(try tree.root(size: 7) == x.root)
        // The RFC's text: d0 [b, h, l]; d3 [c, g, l]; d4 [f, j, k]; d6 [i, k].
        let expected: [(UInt64, SHA256Digest, [SHA256Digest])] = [
            (0, x.a, [x.b, x.h, x.l]),
            (3, x.d, [x.c, x.g, x.l]),
            (4, x.e, [x.f, x.j, x.k]),
            (6, x.j, [x.i, x.k]),
        ]
        for (index, leaf, path) in expected {
            let proof = try tree.inclusionProof(index: index, size: 7)
            #expect(proof.path == path, "PATH(\(index), D[7])")
            #expect(proof.path.count == InclusionProof.expectedLength(index: index, size: 7))
            try proof.verify(leafHash: leaf, root: x.root)
            #expect(throws: MerkleError.rootMismatch) { try proof.verify(leafHash: x.b, root: x.root) }
        }
    }

    @Test("RFC 9162 section 2.1.5: the consistency proofs of the seven-leaf example")
    func sevenLeafConsistencyProofs() throws {
        let x = SevenLeafExample()
        // hash0 (3 leaves) = (g, c); hash1 (4 leaves) = k; hash2 (6 leaves) = (k, i).
        let hash0 = MerkleHash.node(x.g, x.c)
        let hash1 = x.k
        let hash2 = MerkleHash.node(x.k, x.i)
        #expect(try tree.root(size: 3) == hash0)
        #expect(try tree.root(size: 4) == hash1)
        #expect(try tree.root(size: 6) == hash2)
        // The RFC's text: PROOF(3, D[7]) = [c, d, g, l]; PROOF(4, D[7]) = [l];
        // PROOF(6, D[7]) = [i, j, k].
        let expected: [(UInt64, SHA256Digest, [SHA256Digest])] = [
            (3, hash0, [x.c, x.d, x.g, x.l]),
            (4, hash1, [x.l]),
            (6, hash2, [x.i, x.j, x.k]),
        ]
        for (oldSize, oldRoot, path) in expected {
            let proof = try tree.consistencyProof(oldSize: oldSize, newSize: 7)
            #expect(proof.path == path, "PROOF(\(oldSize), D[7])")
            #expect(proof.path.count == ConsistencyProof.expectedLength(oldSize: oldSize, newSize: 7))
            try proof.verify(oldRoot: oldRoot, newRoot: x.root)
            #expect(throws: MerkleError.rootMismatch) { try proof.verify(oldRoot: x.root, newRoot: x.root) }
        }
    }

    @Test("proof requests outside the tree are refused")
    func requestsOutsideTheTree() throws {
        #expect(throws: MerkleError.sizeBeyondTree(requested: 9, size: 8)) { try tree.root(size: 9) }
        #expect(throws: MerkleError.sizeBeyondTree(requested: 9, size: 8)) {
            try tree.inclusionProof(index: 0, size: 9)
        }
        #expect(throws: MerkleError.indexOutOfRange(index: 8, size: 8)) { try tree.inclusionProof(index: 8) }
        #expect(throws: MerkleError.indexOutOfRange(index: 0, size: 0)) {
            try tree.inclusionProof(index: 0, size: 0)
        }
        #expect(throws: MerkleError.sizeBeyondTree(requested: 9, size: 8)) {
            try tree.consistencyProof(oldSize: 1, newSize: 9)
        }
        #expect(throws: MerkleError.sizesOutOfOrder(first: 5, second: 4)) {
            try tree.consistencyProof(oldSize: 5, newSize: 4)
        }
        #expect(try tree.consistencyProof(oldSize: 0, newSize: 8).path.isEmpty)
        #expect(try tree.consistencyProof(oldSize: 8, newSize: 8).path.isEmpty)
    }
}
