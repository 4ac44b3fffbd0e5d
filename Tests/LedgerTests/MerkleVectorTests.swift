import Foundation
import Sodium
import Testing

@testable import Ledger

/// One `shared/vectors/merkle/inclusion/**` probe (transparency-dev/merkle `testdata/`).
struct MerkleInclusionProbe: Decodable {
    let leafIdx: UInt64
    let treeSize: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
}

/// One `shared/vectors/merkle/consistency/**` probe.
struct MerkleConsistencyProbe: Decodable {
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
}

/// What a probe's verification came to.
enum MerkleProbeOutcome: Equatable {
    case accepted
    case rejected(String)
    /// A hash field was not 32 bytes: no typed input can carry it, so it is refused when parsed.
    /// `standInAccepted` tells whether verification with stand-in digests would have passed.
    case unparsable(standInAccepted: Bool)
}

/// Runs every probe file and checks each against its `wantErr`.
///
/// A probe whose hash fields are not all 32 bytes cannot be expressed with ``SHA256Digest``; a
/// client refuses it when decoding, which is the right answer when `wantErr` is true. A few probes
/// expect success with such values anyway, where the value is only compared for equality or not
/// read at all (equal sizes with byte-identical "don't care" roots; the tree root beside an empty
/// subtree). Every probe is therefore also run with stand-in digests derived from the bytes
/// (equal bytes, equal stand-ins), and those must succeed.
@Suite(
    "Merkle proof vectors (transparency-dev/merkle)",
    .enabled(
        if: MerkleVectorFiles.exists("inclusion") && MerkleVectorFiles.exists("consistency"),
        "shared/vectors/merkle is absent: skipping the shared Merkle vectors"))
struct MerkleVectorTests {
    static func verify(_ probe: MerkleInclusionProbe) -> MerkleProbeOutcome {
        let leaf = MerkleProbeHash(base64: probe.leafHash)
        let root = MerkleProbeHash(base64: probe.root)
        let path = (probe.proof ?? []).map(MerkleProbeHash.init(base64:))
        let malformed = leaf.isMalformed || root.isMalformed || path.contains { $0.isMalformed }
        let proof = InclusionProof(
            leafIndex: probe.leafIdx, treeSize: probe.treeSize, path: path.map(\.digestOrStandIn))
        do {
            try proof.verify(leafHash: leaf.digestOrStandIn, root: root.digestOrStandIn)
            return malformed && probe.wantErr ? .unparsable(standInAccepted: true) : .accepted
        } catch {
            return malformed ? .unparsable(standInAccepted: false) : .rejected(error.code)
        }
    }

    static func verify(_ probe: MerkleConsistencyProbe) -> MerkleProbeOutcome {
        let root1 = MerkleProbeHash(base64: probe.root1)
        let root2 = MerkleProbeHash(base64: probe.root2)
        let path = (probe.proof ?? []).map(MerkleProbeHash.init(base64:))
        let malformed = root1.isMalformed || root2.isMalformed || path.contains { $0.isMalformed }
        let proof = ConsistencyProof(oldSize: probe.size1, newSize: probe.size2, path: path.map(\.digestOrStandIn))
        do {
            try proof.verify(oldRoot: root1.digestOrStandIn, newRoot: root2.digestOrStandIn)
            return malformed && probe.wantErr ? .unparsable(standInAccepted: true) : .accepted
        } catch {
            return malformed ? .unparsable(standInAccepted: false) : .rejected(error.code)
        }
    }

    /// Checks one outcome against `wantErr`; returns a description of a mismatch, if any.
    static func mismatch(_ file: String, _ outcome: MerkleProbeOutcome, wantErr: Bool) -> String? {
        switch (outcome, wantErr) {
        case (.accepted, false), (.rejected, true), (.unparsable, true): return nil
        default: return "\(file): \(outcome), wantErr \(wantErr)"
        }
    }

    @Test("all 98 inclusion probes give the expected result")
    func inclusionProbes() throws {
        let files = try MerkleVectorFiles.jsonFiles(in: "inclusion")
        #expect(files.count == 98)
        #expect(
            MerkleVectorFiles.countsByFolder(files)
                == ["0": 13, "1": 18, "2": 18, "3": 15, "4": 18, "additional": 12, "single-entry": 4])
        var outcomes: [String: MerkleProbeOutcome] = [:]
        var mismatches: [String] = []
        for file in files {
            let probe = try MerkleVectorFiles.load(MerkleInclusionProbe.self, folder: "inclusion", file: file)
            let outcome = MerkleVectorTests.verify(probe)
            outcomes[file] = outcome
            if let problem = MerkleVectorTests.mismatch(file, outcome, wantErr: probe.wantErr) {
                mismatches.append(problem)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(files.filter { $0.hasSuffix("/happy-path.json") }.count == 5)
        #expect(outcomes.values.filter { $0 == .accepted }.count == 6)
        // 26 probes carry a hash that is not 32 bytes. With stand-in digests all but one would
        // also fail verification; the exception has an empty root and an equal empty leaf hash.
        let unparsable = outcomes.filter { if case .unparsable = $0.value { true } else { false } }
        #expect(unparsable.count == 26)
        #expect(
            unparsable.filter { $0.value == .unparsable(standInAccepted: true) }.keys.sorted()
                == ["single-entry/empty-root-and-leaf.json"])
    }

    @Test("all 98 consistency probes give the expected result")
    func consistencyProbes() throws {
        let files = try MerkleVectorFiles.jsonFiles(in: "consistency")
        #expect(files.count == 98)
        #expect(
            MerkleVectorFiles.countsByFolder(files)
                == ["0": 1, "1": 21, "2": 21, "3": 20, "4": 21, "additional": 14])
        var outcomes: [String: MerkleProbeOutcome] = [:]
        var mismatches: [String] = []
        for file in files {
            let probe = try MerkleVectorFiles.load(MerkleConsistencyProbe.self, folder: "consistency", file: file)
            let outcome = MerkleVectorTests.verify(probe)
            outcomes[file] = outcome
            if let problem = MerkleVectorTests.mismatch(file, outcome, wantErr: probe.wantErr) {
                mismatches.append(problem)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(files.filter { $0.hasSuffix("/happy-path.json") }.count == 5)
        // Five happy paths, plus equal sizes (one) with identical "don't care" roots.
        #expect(outcomes.values.filter { $0 == .accepted }.count == 6)
        #expect(outcomes["additional/sizes-are-equal-one-and-proof-is-empty.json"] == .accepted)
        // 26 probes carry a root or proof hash that is not 32 bytes. One of them would verify with a
        // stand-in: (0, 1) with the empty tree's root and an empty proof. transparency-dev/merkle
        // refuses every proof from size 0 ("meaningless"); Plenum accepts the empty tree as a
        // prefix of any tree when the old root is MTH({}) (see MerklePropertyTests.fromTheEmptyTree).
        let unparsable = outcomes.filter { if case .unparsable = $0.value { true } else { false } }
        #expect(unparsable.count == 26)
        #expect(
            unparsable.filter { $0.value == .unparsable(standInAccepted: true) }.keys.sorted()
                == ["additional/size1-is-zero-and-size2-is-not-zero.json"])
    }

    @Test("the happy paths are the RFC 6962 reference tree's proofs")
    func happyPathsMatchReferenceTree() throws {
        let tree = MerkleTree(leafHashes: MerkleRFC6962Data.leafInputs.map { MerkleHash.leaf($0) })
        for folder in ["0", "1", "2", "3", "4"] {
            let inclusion = try MerkleVectorFiles.load(
                MerkleInclusionProbe.self, folder: "inclusion", file: "\(folder)/happy-path.json")
            let made = try tree.inclusionProof(index: inclusion.leafIdx, size: inclusion.treeSize)
            #expect(made.path.map { Data($0.bytes).base64EncodedString() } == inclusion.proof ?? [])
            #expect(try tree.root(size: inclusion.treeSize) == MerkleProbeHash(base64: inclusion.root).digestOrStandIn)
            let consistency = try MerkleVectorFiles.load(
                MerkleConsistencyProbe.self, folder: "consistency", file: "\(folder)/happy-path.json")
            let madeConsistency = try tree.consistencyProof(oldSize: consistency.size1, newSize: consistency.size2)
            #expect(madeConsistency.path.map { Data($0.bytes).base64EncodedString() } == consistency.proof ?? [])
        }
    }

    @Test("the JSON decoder keeps 64-bit sizes exact")
    func largeNumbersDecodeExactly() throws {
        let probe = try JSONDecoder().decode(
            MerkleInclusionProbe.self,
            from: Data(
                (#"{"leafIdx":18446744073709551615,"treeSize":9223372036854775810,"root":"","leafHash":"","#
                    + #""proof":null,"desc":"","wantErr":true}"#).utf8))
        #expect(probe.leafIdx == UInt64.max)
        #expect(probe.treeSize == UInt64(1) << 63 + 2)
    }
}
