import Sodium
import Testing

@testable import Ledger

@Suite("Checkpoints")
struct CheckpointTests {
    static let origin = "plenum.example.org/acme"
    static let logKey = try! SigningKey(seed: [UInt8](repeating: 7, count: 32))
    static let otherKey = try! SigningKey(seed: [UInt8](repeating: 8, count: 32))
    static let tree = MerkleTree(leafHashes: MerkleTestKit.leafHashes(count: 40, seed: 0xC4EC))
    static let forkedTree = MerkleTree(leafHashes: MerkleTestKit.leafHashes(count: 40, seed: 0xF0F0))

    static func checkpoint(_ size: UInt64, of tree: MerkleTree = tree, origin: String = origin) -> Checkpoint {
        try! Checkpoint(origin: origin, size: size, root: tree.root(size: size))
    }

    static func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let rootText = Base64URL.encode(MerkleHash.empty.bytes)

    @Test("the body is origin, size and base64url root, each ending in a newline, and parses back")
    func bodyRoundTrip() throws {
        let checkpoint = Self.checkpoint(17)
        let root = try Self.tree.root(size: 17)
        let text = "\(Self.origin)\n17\n\(Base64URL.encode(root.bytes))\n"
        #expect(checkpoint.body == Self.body(text))
        #expect(Base64URL.encode(root.bytes).count == 43)
        let parsed = try Checkpoint(body: checkpoint.body)
        #expect(parsed == checkpoint)
        #expect(parsed.body == checkpoint.body)
        for size: UInt64 in [0, 1, 9, 10, UInt64.max] {
            let edge = try Checkpoint(origin: "o", size: size, root: MerkleHash.empty)
            #expect(try Checkpoint(body: edge.body) == edge)
            #expect(edge.body == Self.body("o\n\(size)\n\(Self.rootText)\n"))
        }
    }

    @Test(
        "the parser refuses malformed bodies",
        arguments: [
            "o\n5\n\(CheckpointTests.rootText)",  // no final newline
            "o\n5\n\(CheckpointTests.rootText)\n\n",  // a fourth, empty line
            "o\n5\n",  // two lines
            "o\n5\n\(CheckpointTests.rootText)\nextra\n",  // four lines
            "o\n05\n\(CheckpointTests.rootText)\n",  // leading zero
            "o\n00\n\(CheckpointTests.rootText)\n",  // zero with a leading zero
            "o\n+5\n\(CheckpointTests.rootText)\n",  // sign
            "o\n-5\n\(CheckpointTests.rootText)\n",  // sign
            "o\n5a\n\(CheckpointTests.rootText)\n",  // non-digit
            "o\n 5\n\(CheckpointTests.rootText)\n",  // space
            "o\n\n\(CheckpointTests.rootText)\n",  // empty size
            "o\n18446744073709551616\n\(CheckpointTests.rootText)\n",  // UInt64.max + 1
            "o\n5\n\(CheckpointTests.rootText.dropLast())\n",  // 31.x bytes of root
            "o\n5\n\(CheckpointTests.rootText)A\n",  // 33 bytes of root
            "o\n5\n\(CheckpointTests.rootText)=\n",  // padding
            "o\n5\n\n",  // empty root
            "o\n5\n\(Base64URL.encode([UInt8](repeating: 0xFF, count: 32)).replacingOccurrences(of: "_", with: "/"))\n",
            "o\r\n5\n\(CheckpointTests.rootText)\n",  // carriage return in the origin
            "o\n5\r\n\(CheckpointTests.rootText)\n",  // carriage return after the size
            "",  // nothing
            "\n",  // one empty line
        ])
    func malformedBodies(text: String) {
        #expect(throws: CheckpointError.self, "\(text.debugDescription)") { try Checkpoint(body: Array(text.utf8)) }
    }

    @Test("the parser refuses a malformed body with malformedBody and a bad origin with invalidOrigin")
    func refusalReasons() {
        #expect(throws: CheckpointError.malformedBody("the body must end with a newline")) {
            try Checkpoint(body: Self.body("o\n5\n\(Self.rootText)"))
        }
        #expect(throws: CheckpointError.malformedBody("the body must have exactly three lines")) {
            try Checkpoint(body: Self.body("o\n5\n"))
        }
        #expect(throws: CheckpointError.malformedBody("the size must be a decimal number without leading zeros")) {
            try Checkpoint(body: Self.body("o\n007\n\(Self.rootText)\n"))
        }
        #expect(throws: CheckpointError.malformedBody("the root must be 32 bytes in unpadded base64url")) {
            try Checkpoint(body: Self.body("o\n7\nAAAA\n"))
        }
        for origin in ["a b", "", "tab\there", "é", String(repeating: "x", count: 256)] {
            #expect(throws: CheckpointError.invalidOrigin(origin)) {
                try Checkpoint(body: Self.body("\(origin)\n7\n\(Self.rootText)\n"))
            }
            #expect(throws: CheckpointError.invalidOrigin(origin)) {
                try Checkpoint(origin: origin, size: 7, root: MerkleHash.empty)
            }
        }
        #expect(throws: Never.self) { try Checkpoint(origin: String(repeating: "x", count: 255), size: 1, root: .zero) }
        #expect(throws: Never.self) { try Checkpoint(origin: "!~", size: 1, root: .zero) }
    }

    @Test("a signed checkpoint verifies with the log key and origin, and signs the domain-separated body")
    func signAndVerify() throws {
        let checkpoint = Self.checkpoint(23)
        #expect(checkpoint.signedBytes == Array("plenum/v1/checkpoint\0".utf8) + checkpoint.body)
        let signed = checkpoint.signed(with: Self.logKey)
        try signed.verify(logKey: Self.logKey.publicKey, origin: Self.origin)
        #expect(Self.logKey.publicKey.isValidSignature(signed.signature, for: checkpoint.signedBytes))
        #expect(throws: CheckpointError.wrongOrigin(expected: "plenum.example.org/other", actual: Self.origin)) {
            try signed.verify(logKey: Self.logKey.publicKey, origin: "plenum.example.org/other")
        }
        #expect(throws: CheckpointError.badSignature) {
            try signed.verify(logKey: Self.otherKey.publicKey, origin: Self.origin)
        }
        // A signature over the bare body (no domain separation) is not a checkpoint signature.
        let bare = SignedCheckpoint(checkpoint: checkpoint, signature: Self.logKey.sign(checkpoint.body))
        #expect(throws: CheckpointError.badSignature) {
            try bare.verify(logKey: Self.logKey.publicKey, origin: Self.origin)
        }
    }

    @Test("every single-bit change of the body or the signature breaks the signature")
    func flippedBits() throws {
        let signed = Self.checkpoint(23).signed(with: Self.logKey)
        let body = signed.checkpoint.body
        var parsedVariants = 0
        for bit in 0..<(body.count * 8) {
            var bytes = body
            bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            guard let changed = try? Checkpoint(body: bytes) else { continue }
            parsedVariants += 1
            #expect(changed != signed.checkpoint)
            let forged = SignedCheckpoint(checkpoint: changed, signature: signed.signature)
            #expect(throws: CheckpointError.badSignature, "bit \(bit)") {
                try forged.verify(logKey: Self.logKey.publicKey, origin: changed.origin)
            }
        }
        // Most flips keep the body well formed (a letter of the origin or root, a digit of the size).
        #expect(parsedVariants > body.count * 2)
        for bit in 0..<512 {
            var bytes = signed.signature.bytes
            bytes[bit / 8] ^= 1 << UInt8(bit % 8)
            let forged = SignedCheckpoint(checkpoint: signed.checkpoint, signature: try Signature(bytes: bytes))
            #expect(throws: CheckpointError.badSignature, "signature bit \(bit)") {
                try forged.verify(logKey: Self.logKey.publicKey, origin: Self.origin)
            }
        }
    }

    @Test("verifyExtended accepts a real consistency proof between two checkpoints of one tree")
    func extendedByTheSameTree() throws {
        for (old, new) in [(UInt64(1), UInt64(40)), (7, 20), (16, 32), (20, 20), (0, 13), (39, 40)] {
            let older = Self.checkpoint(old).signed(with: Self.logKey)
            let newer = Self.checkpoint(new).signed(with: Self.logKey)
            let proof = try Self.tree.consistencyProof(oldSize: old, newSize: new)
            #expect(throws: Never.self, "\(old) -> \(new)") {
                try older.verifyExtended(by: newer, proof: proof, logKey: Self.logKey.publicKey)
            }
        }
    }

    @Test("verifyExtended refuses checkpoints of two different trees as inconsistent")
    func extendedByAFork() throws {
        let older = Self.checkpoint(7).signed(with: Self.logKey)
        let newer = Self.checkpoint(20, of: Self.forkedTree).signed(with: Self.logKey)
        for proof in [
            try Self.tree.consistencyProof(oldSize: 7, newSize: 20),
            try Self.forkedTree.consistencyProof(oldSize: 7, newSize: 20),
        ] {
            #expect(throws: CheckpointError.inconsistent(.rootMismatch)) {
                try older.verifyExtended(by: newer, proof: proof, logKey: Self.logKey.publicKey)
            }
        }
        let sameSizeFork = Self.checkpoint(7, of: Self.forkedTree).signed(with: Self.logKey)
        let empty = ConsistencyProof(oldSize: 7, newSize: 7, path: [])
        #expect(throws: CheckpointError.inconsistent(.rootsDiffer)) {
            try older.verifyExtended(by: sameSizeFork, proof: empty, logKey: Self.logKey.publicKey)
        }
        let backwards = ConsistencyProof(oldSize: 20, newSize: 7, path: [])
        let later = Self.checkpoint(20).signed(with: Self.logKey)
        #expect(throws: CheckpointError.inconsistent(.sizesOutOfOrder(first: 20, second: 7))) {
            try later.verifyExtended(by: older, proof: backwards, logKey: Self.logKey.publicKey)
        }
    }

    @Test("verifyExtended refuses a proof for other sizes, another key, or another origin")
    func extendedRefusals() throws {
        let older = Self.checkpoint(7).signed(with: Self.logKey)
        let newer = Self.checkpoint(20).signed(with: Self.logKey)
        for (old, new) in [(UInt64(6), UInt64(20)), (7, 21), (20, 7), (0, 20)] {
            let proof = try Self.tree.consistencyProof(oldSize: min(old, new), newSize: max(old, new))
            let relabeled = ConsistencyProof(oldSize: old, newSize: new, path: proof.path)
            #expect(throws: CheckpointError.proofForOtherSizes, "\(old) -> \(new)") {
                try older.verifyExtended(by: newer, proof: relabeled, logKey: Self.logKey.publicKey)
            }
        }
        let proof = try Self.tree.consistencyProof(oldSize: 7, newSize: 20)
        let otherSigner = Self.checkpoint(20).signed(with: Self.otherKey)
        #expect(throws: CheckpointError.badSignature) {
            try older.verifyExtended(by: otherSigner, proof: proof, logKey: Self.logKey.publicKey)
        }
        #expect(throws: CheckpointError.badSignature) {
            try older.verifyExtended(by: newer, proof: proof, logKey: Self.otherKey.publicKey)
        }
        let otherLog = Self.checkpoint(20, origin: "plenum.example.org/other").signed(with: Self.logKey)
        #expect(throws: CheckpointError.wrongOrigin(expected: Self.origin, actual: "plenum.example.org/other")) {
            try older.verifyExtended(by: otherLog, proof: proof, logKey: Self.logKey.publicKey)
        }
        // A size-0 checkpoint must carry the empty tree's root to be extended.
        let bogusEmpty = try Checkpoint(origin: Self.origin, size: 0, root: Self.tree.root(size: 1))
        #expect(throws: CheckpointError.inconsistent(.rootMismatch)) {
            try bogusEmpty.signed(with: Self.logKey).verifyExtended(
                by: newer, proof: ConsistencyProof(oldSize: 0, newSize: 20, path: []), logKey: Self.logKey.publicKey)
        }
    }

    @Test("error codes are stable")
    func errorCodes() {
        #expect(CheckpointError.invalidOrigin("x").code == "invalid_origin")
        #expect(CheckpointError.malformedBody("x").code == "malformed_checkpoint")
        #expect(CheckpointError.wrongOrigin(expected: "a", actual: "b").code == "wrong_origin")
        #expect(CheckpointError.badSignature.code == "bad_checkpoint_signature")
        #expect(CheckpointError.proofForOtherSizes.code == "proof_for_other_sizes")
        #expect(CheckpointError.inconsistent(.rootMismatch).code == "inconsistent_checkpoints")
    }
}
