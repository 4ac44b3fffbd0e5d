import Ledger
import Sodium
import Statements

/// The log as the sequencer keeps it in memory: the Merkle tree of every leaf (for inclusion
/// and consistency proofs) and the checkpoint signed after each committed batch.
struct LogState: Sendable {
    private(set) var tree = MerkleTree()
    /// Every checkpoint, in increasing size (one per committed batch).
    private(set) var checkpoints: [SignedCheckpoint] = []

    var size: UInt64 { tree.size }
    var root: SHA256Digest { tree.root }
    var latest: SignedCheckpoint? { checkpoints.last }

    mutating func append(_ statement: SignedStatement) -> UInt64 {
        tree.append(leafHash: statement.leafHash)
    }

    mutating func append(leafHash: SHA256Digest) {
        _ = tree.append(leafHash: leafHash)
    }

    mutating func record(_ checkpoint: SignedCheckpoint) {
        checkpoints.append(checkpoint)
    }

    /// The first checkpoint whose tree contains `leaf`: the one its receipt was issued with.
    func checkpoint(covering leaf: UInt64) -> SignedCheckpoint? {
        var low = 0
        var high = checkpoints.count
        while low < high {
            let middle = (low + high) / 2
            if checkpoints[middle].checkpoint.size > leaf { high = middle } else { low = middle + 1 }
        }
        return low < checkpoints.count ? checkpoints[low] : nil
    }

    /// The receipt of the statement at `leaf`, against the checkpoint it was first covered by.
    func receipt(leaf: UInt64, statement: StatementID) -> Receipt? {
        guard let checkpoint = checkpoint(covering: leaf),
            let proof = try? tree.inclusionProof(index: leaf, size: checkpoint.checkpoint.size)
        else { return nil }
        return Receipt(leaf: leaf, statement: statement, checkpoint: checkpoint, proof: proof)
    }

    func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws(MerkleError) -> ConsistencyProof {
        try tree.consistencyProof(oldSize: oldSize, newSize: newSize)
    }

    func inclusionProof(leaf: UInt64, size: UInt64) throws(MerkleError) -> InclusionProof {
        try tree.inclusionProof(index: leaf, size: size)
    }

    func root(size: UInt64) throws(MerkleError) -> SHA256Digest { try tree.root(size: size) }
}
