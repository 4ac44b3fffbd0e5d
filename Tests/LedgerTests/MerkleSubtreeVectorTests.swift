import Foundation
import Sodium
import Testing

@testable import Ledger

/// One `shared/vectors/merkle/subtreeinclusion/**` probe.
struct MerkleSubtreeInclusionProbe: Decodable {
    let leafIdx: UInt64
    let start: UInt64
    let end: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
}

/// One `shared/vectors/merkle/subtreeconsistency/**` probe.
struct MerkleSubtreeConsistencyProbe: Decodable {
    let start: UInt64
    let end: UInt64
    let size: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
}

/// The subtree probes, checked as ``MerkleVectorTests`` checks the RFC 9162 ones (a hash field
/// that is not 32 bytes cannot be carried by a typed input and counts as refused when parsed).
@Suite(
    "Merkle subtree proof vectors (transparency-dev/merkle)",
    .enabled(
        if: MerkleVectorFiles.exists("subtreeinclusion") && MerkleVectorFiles.exists("subtreeconsistency"),
        "shared/vectors/merkle is absent: skipping the shared subtree vectors"))
struct MerkleSubtreeVectorTests {
    static func verify(_ probe: MerkleSubtreeInclusionProbe) -> MerkleProbeOutcome {
        let leaf = MerkleProbeHash(base64: probe.leafHash)
        let root = MerkleProbeHash(base64: probe.root)
        let path = (probe.proof ?? []).map(MerkleProbeHash.init(base64:))
        let malformed = leaf.isMalformed || root.isMalformed || path.contains { $0.isMalformed }
        let proof = SubtreeInclusionProof(
            leafIndex: probe.leafIdx, start: probe.start, end: probe.end, path: path.map(\.digestOrStandIn))
        do {
            try proof.verify(leafHash: leaf.digestOrStandIn, subtreeHash: root.digestOrStandIn)
            return malformed && probe.wantErr ? .unparsable(standInAccepted: true) : .accepted
        } catch {
            return malformed ? .unparsable(standInAccepted: false) : .rejected(error.code)
        }
    }

    static func verify(_ probe: MerkleSubtreeConsistencyProbe) -> MerkleProbeOutcome {
        let root1 = MerkleProbeHash(base64: probe.root1)
        let root2 = MerkleProbeHash(base64: probe.root2)
        let path = (probe.proof ?? []).map(MerkleProbeHash.init(base64:))
        let malformed = root1.isMalformed || root2.isMalformed || path.contains { $0.isMalformed }
        let proof = SubtreeConsistencyProof(
            start: probe.start, end: probe.end, treeSize: probe.size, path: path.map(\.digestOrStandIn))
        do {
            try proof.verify(subtreeHash: root1.digestOrStandIn, root: root2.digestOrStandIn)
            return malformed && probe.wantErr ? .unparsable(standInAccepted: true) : .accepted
        } catch {
            return malformed ? .unparsable(standInAccepted: false) : .rejected(error.code)
        }
    }

    @Test("all 204 subtree inclusion probes give the expected result")
    func subtreeInclusionProbes() throws {
        let files = try MerkleVectorFiles.jsonFiles(in: "subtreeinclusion")
        #expect(files.count == 204)
        #expect(
            MerkleVectorFiles.countsByFolder(files)
                == ["0": 26, "1": 36, "2": 36, "3": 30, "4": 36, "additional": 24, "errors": 8, "single-entry": 8])
        var outcomes: [String: MerkleProbeOutcome] = [:]
        var mismatches: [String] = []
        for file in files {
            let probe = try MerkleVectorFiles.load(
                MerkleSubtreeInclusionProbe.self, folder: "subtreeinclusion", file: file)
            outcomes[file] = MerkleSubtreeVectorTests.verify(probe)
            if let problem = MerkleVectorTests.mismatch(file, outcomes[file]!, wantErr: probe.wantErr) {
                mismatches.append(problem)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        // Each inclusion probe twice (at 0 and shifted by BIT_CEIL(size)), plus 8 error probes.
        #expect(outcomes.values.filter { $0 == .accepted }.count == 12)
        let unparsable = outcomes.filter { if case .unparsable = $0.value { true } else { false } }
        #expect(unparsable.count == 52)
        #expect(
            unparsable.filter { $0.value == .unparsable(standInAccepted: true) }.keys.sorted()
                == ["single-entry/empty-root-and-leaf-subtree.json", "single-entry/empty-root-and-leaf.json"])
        #expect(outcomes["errors/invalid-large-subtree.json"] == .rejected("not_a_subtree"))
        #expect(outcomes["errors/oob-left.json"] == .rejected("index_outside_subtree"))
    }

    @Test("all 118 subtree consistency probes give the expected result")
    func subtreeConsistencyProbes() throws {
        let files = try MerkleVectorFiles.jsonFiles(in: "subtreeconsistency")
        #expect(files.count == 118)
        #expect(
            MerkleVectorFiles.countsByFolder(files)
                == ["0": 1, "1": 22, "2": 22, "3": 21, "4": 22, "additional": 30])
        var outcomes: [String: MerkleProbeOutcome] = [:]
        var mismatches: [String] = []
        for file in files {
            let probe = try MerkleVectorFiles.load(
                MerkleSubtreeConsistencyProbe.self, folder: "subtreeconsistency", file: file)
            outcomes[file] = MerkleSubtreeVectorTests.verify(probe)
            if let problem = MerkleVectorTests.mismatch(file, outcomes[file]!, wantErr: probe.wantErr) {
                mismatches.append(problem)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        // Five happy paths; six empty subtrees with the empty tree's hash, whatever the root (two
        // of those roots are "don't care" bytes); and [0, 1) of 1 leaf with equal "don't care" roots.
        #expect(outcomes.values.filter { $0 == .accepted }.count == 12)
        #expect(
            outcomes["additional/subtree-is-empty-sizes-are-equal-zero-roots-match-but-not-valid.json"]
                == .unparsable(standInAccepted: false))
        let unparsable = outcomes.filter { if case .unparsable = $0.value { true } else { false } }
        #expect(unparsable.filter { $0.value == .unparsable(standInAccepted: true) }.isEmpty)
    }
}

/// Subtree proofs generated by ``MerkleTree`` against the draft's definitions and examples.
@Suite("Merkle subtrees (draft-ietf-plants-merkle-tree-certs)")
struct MerkleSubtreeTests {
    static let inputs: [[UInt8]] = (0..<40).map { [UInt8(truncatingIfNeeded: $0), 0x5B] }
    static let tree = MerkleTree(leafHashes: inputs.map { MerkleHash.leaf($0) })

    @Test("which ranges are subtrees")
    func subtreeRanges() {
        for (start, end) in [(0, 0), (5, 5), (0, 13), (4, 8), (8, 13), (8, 16), (12, 13), (0, 1), (6, 8)] {
            #expect(MerkleTree.isSubtree(start: UInt64(start), end: UInt64(end)), "[\(start), \(end))")
        }
        for (start, end) in [(1, 3), (2, 5), (2, 6), (1, 15), (4, 9), (3, 2), (8, 17)] {
            #expect(!MerkleTree.isSubtree(start: UInt64(start), end: UInt64(end)), "[\(start), \(end))")
        }
        #expect(MerkleTree.isSubtree(start: 0, end: .max))
        #expect(MerkleTree.isSubtree(start: 1 << 63, end: .max))
        #expect(!MerkleTree.isSubtree(start: 1, end: (1 << 63) + 2))
        #expect(!MerkleTree.isSubtree(start: 1 << 62, end: (1 << 63) + 1))
        for start in 0..<70 {
            for end in 0..<70 {
                let model = MerkleReference.isSubtree(start, end)
                #expect(MerkleTree.isSubtree(start: UInt64(start), end: UInt64(end)) == model, "[\(start), \(end))")
            }
        }
    }

    @Test("the draft's examples: [4, 8) and [8, 13) in 14 leaves, entry 10 of [8, 13)")
    func draftExamples() throws {
        let mth = { (a: UInt64, b: UInt64) in try Self.tree.subtreeHash(start: a, end: b) }
        let wide = try Self.tree.subtreeConsistencyProof(start: 4, end: 8, treeSize: 14)
        #expect(wide.path == [try mth(0, 4), try mth(8, 14)])
        let partial = try Self.tree.subtreeConsistencyProof(start: 8, end: 13, treeSize: 14)
        #expect(partial.path == [try mth(12, 13), try mth(13, 14), try mth(8, 12), try mth(0, 8)])
        try partial.verify(subtreeHash: try mth(8, 13), root: try Self.tree.root(size: 14))
        let inclusion = try Self.tree.subtreeInclusionProof(index: 10, start: 8, end: 13)
        #expect(inclusion.path == [try mth(11, 12), try mth(8, 10), try mth(12, 13)])
        try inclusion.verify(leafHash: Self.tree.leafHash(at: 10), subtreeHash: try mth(8, 13))
        #expect(throws: MerkleError.notASubtree(start: 2, end: 5)) { try Self.tree.subtreeHash(start: 2, end: 5) }
        #expect(throws: MerkleError.sizeBeyondTree(requested: 48, size: 40)) {
            try Self.tree.subtreeHash(start: 32, end: 48)
        }
        #expect(throws: MerkleError.indexOutsideSubtree(index: 7, start: 8, end: 13)) {
            try Self.tree.subtreeInclusionProof(index: 7, start: 8, end: 13)
        }
    }

    @Test("differential: every subtree of every tree up to 33 leaves equals the draft's recursion, and verifies")
    func differentialAgainstReferenceModel() throws {
        var failures: [String] = []
        for n in 1...33 {
            let d = Self.inputs.prefix(n)
            let root = try Self.tree.root(size: UInt64(n))
            for start in 0...n {
                for end in start...n where MerkleReference.isSubtree(start, end) {
                    let what = "[\(start), \(end)) in \(n)"
                    let (s, e, size) = (UInt64(start), UInt64(end), UInt64(n))
                    let subtreeHash = try Self.tree.subtreeHash(start: s, end: e)
                    if subtreeHash != MerkleReference.mth(d[start..<end]) { failures.append("MTH \(what)") }
                    let proof = try Self.tree.subtreeConsistencyProof(start: s, end: e, treeSize: size)
                    if proof.path != MerkleReference.subtreeProof(start, end, d) { failures.append("PROOF \(what)") }
                    if proof.path.count != SubtreeConsistencyProof.expectedLength(start: s, end: e, treeSize: size) {
                        failures.append("length \(what)")
                    }
                    do { try proof.verify(subtreeHash: subtreeHash, root: root) } catch {
                        failures.append("verify \(what): \(error.code)")
                    }
                    if start == 0 && end > 0,
                        proof.path != (try Self.tree.consistencyProof(oldSize: e, newSize: size)).path
                    {
                        failures.append("not PROOF(end, D_n) \(what)")
                    }
                    if end == start + 1, proof.path != (try Self.tree.inclusionProof(index: s, size: size)).path {
                        failures.append("not PATH(start, D_n) \(what)")
                    }
                    try Self.mutations(of: proof, subtreeHash: subtreeHash, root: root, what, into: &failures)
                    for index in start..<end {
                        let inclusion = try Self.tree.subtreeInclusionProof(index: UInt64(index), start: s, end: e)
                        if inclusion.path != MerkleReference.path(index - start, d[start..<end]) {
                            failures.append("PATH \(index) \(what)")
                        }
                        do {
                            try inclusion.verify(
                                leafHash: Self.tree.leafHash(at: UInt64(index)), subtreeHash: subtreeHash)
                        } catch { failures.append("inclusion \(index) \(what): \(error.code)") }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(10))")
    }

    /// Every proof hash, the subtree hash and the root with one bit flipped, and the proof one hash
    /// longer or shorter, must be refused.
    static func mutations(
        of proof: SubtreeConsistencyProof, subtreeHash: SHA256Digest, root: SHA256Digest, _ what: String,
        into failures: inout [String]
    ) throws {
        func refused(_ candidate: SubtreeConsistencyProof, _ node: SHA256Digest, _ top: SHA256Digest) -> Bool {
            (try? candidate.verify(subtreeHash: node, root: top)) == nil
        }
        for position in proof.path.indices {
            var bad = proof
            bad.path[position] = MerkleTestKit.flipping(bad.path[position], bit: position * 37 % 256)
            if !refused(bad, subtreeHash, root) { failures.append("flipped path[\(position)] \(what)") }
        }
        if !refused(proof, MerkleTestKit.flipping(subtreeHash, bit: 3), root) { failures.append("subtree \(what)") }
        // The empty subtree proves nothing about the root: only its own hash is checked.
        if proof.start < proof.end && !refused(proof, subtreeHash, MerkleTestKit.flipping(root, bit: 200)) {
            failures.append("root \(what)")
        }
        var longer = proof
        longer.path.append(root)
        if !refused(longer, subtreeHash, root) { failures.append("longer \(what)") }
        if !proof.path.isEmpty {
            var shorter = proof
            shorter.path.removeLast()
            if !refused(shorter, subtreeHash, root) { failures.append("shorter \(what)") }
        }
    }
}
