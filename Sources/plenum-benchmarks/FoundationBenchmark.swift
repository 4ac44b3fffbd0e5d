import CSodiumBaseline
import Ledger
import Sodium

/// The foundation issue's bars: Ed25519 verification through the wrapper against libsodium
/// called directly from C (one core), and the Merkle log at one million leaves.
enum FoundationBenchmark {
    static func run(quick: Bool) {
        Sodium.ensureInitialized()
        print("libsodium \(Sodium.libraryVersion); one thread (one core)\n")
        verification(count: quick ? 2_000 : 20_000, repetitions: quick ? 2 : 7)
        print("")
        merkle(leaves: quick ? 100_000 : 1_000_000)
        print("\npeak resident memory: \(Measure.format(Measure.peakMemoryMiB(), decimals: 1)) MiB")
    }

    /// Verifies one 200-byte statement-sized message `count` times, in C and through the
    /// wrapper, alternating so that frequency changes hit both alike; the best of the runs counts.
    static func verification(count: Int, repetitions: Int) {
        let key = try! SigningKey(seed: [UInt8](repeating: 7, count: 32))
        let message = [UInt8]((0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let signature = key.sign(message)
        let publicKey = key.publicKey
        var bestC = Double.infinity
        var bestSwift = Double.infinity
        for _ in 0..<repetitions {
            bestC = min(
                bestC,
                Measure.best(repetitions: 1) {
                    let verified = plenum_baseline_verify(
                        count, signature.bytes, message, UInt64(message.count), publicKey.bytes)
                    precondition(verified == count)
                })
            bestSwift = min(
                bestSwift,
                Measure.best(repetitions: 1) {
                    var verified = 0
                    message.withUnsafeBytes { buffer in
                        for _ in 0..<count where publicKey.isValidSignature(signature, for: buffer) {
                            verified += 1
                        }
                    }
                    precondition(verified == count)
                })
        }
        let cRate = Double(count) / bestC
        let swiftRate = Double(count) / bestSwift
        print("| Ed25519 verification (200-byte message) | verifications/s |")
        print("|---|---|")
        print("| libsodium called from C | \(Int(cRate)) |")
        print("| through the Sodium wrapper | \(Int(swiftRate)) |")
        print("| wrapper / C | \(Measure.format(swiftRate / cRate * 100, decimals: 1)) % |")
    }

    /// Builds a tree of `leaves` leaves, then times the root, an inclusion proof and its check.
    static func merkle(leaves: Int) {
        var tree = MerkleTree()
        let build = Measure.best(repetitions: 1) {
            var leaf = [UInt8](repeating: 0, count: 64)
            for index in 0..<leaves {
                withUnsafeBytes(of: UInt64(index).bigEndian) { bytes in
                    for offset in 0..<8 { leaf[offset] = bytes[offset] }
                }
                tree.append(leaf: leaf)
            }
        }
        var root = MerkleHash.empty
        let rootTime = Measure.best(repetitions: 5) { root = tree.root }
        let fromScratch = Measure.best(repetitions: 3) {
            root = MerkleTree.root(ofLeafHashes: (0..<leaves).lazy.map { tree.leafHash(at: UInt64($0)) })
        }
        precondition(root == tree.root)
        var sink: UInt8 = 0
        let cNodes = Measure.best(repetitions: 3) { sink ^= plenum_baseline_node_hashes(leaves - 1) }
        let index = UInt64(leaves / 3 + 1)
        var proof = InclusionProof(leafIndex: 0, treeSize: 0, path: [])
        let proofTime = Measure.best(repetitions: 5) { proof = try! tree.inclusionProof(index: index) }
        let verifyTime = Measure.best(repetitions: 5) {
            try! proof.verify(leafHash: tree.leafHash(at: index), root: root)
        }
        let consistency = Measure.best(repetitions: 5) {
            _ = try! tree.consistencyProof(oldSize: UInt64(leaves / 2 + 3), newSize: tree.size)
        }
        print("| Merkle log, \(leaves) leaves of 64 bytes | time |")
        print("|---|---|")
        print("| append all leaves (leaf and node hashes) | \(Measure.format(build * 1000, decimals: 1)) ms |")
        print(
            "| root from the leaf hashes, no cache (streaming) | \(Measure.format(fromScratch * 1000, decimals: 1)) ms |"
        )
        print(
            "| the same number of node hashes (n - 1) in C, for scale | \(Measure.format(cNodes * 1000, decimals: 1)) ms |"
        )
        print("| root of the built tree | \(Measure.format(rootTime * 1e6, decimals: 1)) µs |")
        print("| inclusion proof (\(proof.path.count) hashes) | \(Measure.format(proofTime * 1e6, decimals: 1)) µs |")
        print("| verify that proof | \(Measure.format(verifyTime * 1e6, decimals: 1)) µs |")
        print("| consistency proof from size n/2+3 | \(Measure.format(consistency * 1e6, decimals: 1)) µs |")
        precondition(sink != 1 || sink == 1)
        print("")
        hashes()
    }

    /// One SHA-256 of a statement's size and of a Merkle node's, by Plenum's `SHA256`
    /// (swift-crypto) and by libsodium's `crypto_hash_sha256` from C, each digest feeding the next.
    static func hashes() {
        let count = 400_000
        print("| SHA-256 of one input | Plenum's `SHA256` (swift-crypto) | libsodium from C |")
        print("|---|---|---|")
        for length in [65, 300, 1_000] {
            var buffer = [UInt8](repeating: 7, count: length)
            let swift = Measure.best(repetitions: 3) {
                for _ in 0..<count {
                    let digest = buffer.withUnsafeBytes { SHA256.hash($0) }
                    digest.withUnsafeBytes { bytes in for offset in 0..<32 { buffer[offset] = bytes[offset] } }
                }
            }
            var sink: UInt8 = 0
            let c = Measure.best(repetitions: 3) { sink ^= plenum_baseline_hashes(count, length) }
            precondition(sink != 1 || sink == 1)
            print(
                "| \(length) bytes | \(Measure.format(swift / Double(count) * 1e9, decimals: 0)) ns "
                    + "| \(Measure.format(c / Double(count) * 1e9, decimals: 0)) ns |")
        }
    }
}
