import Ledger
import Sodium
import Statements

/// What the service returns for every accepted statement: its leaf index and id, the signed
/// checkpoint of the batch that made it durable, and the inclusion proof of the leaf in that
/// checkpoint's tree. Re-sending the statement returns the same receipt.
public struct Receipt: Sendable, Equatable {
    public let leaf: UInt64
    public let statement: StatementID
    public let checkpoint: SignedCheckpoint
    public let proof: InclusionProof

    public init(leaf: UInt64, statement: StatementID, checkpoint: SignedCheckpoint, proof: InclusionProof) {
        self.leaf = leaf
        self.statement = statement
        self.checkpoint = checkpoint
        self.proof = proof
    }

    /// Checks the receipt against `statement` and the log's key and origin: the statement's id,
    /// the checkpoint's signature, and the inclusion proof from the statement's leaf hash to the
    /// checkpoint's root.
    public func verify(_ statement: SignedStatement, logKey: PublicKey, origin: String) throws(ReceiptError) {
        guard StatementID(statement.id) == self.statement else { throw .wrongStatement }
        do {
            try checkpoint.verify(logKey: logKey, origin: origin)
        } catch {
            throw .badCheckpoint(error)
        }
        guard proof.leafIndex == leaf, proof.treeSize == checkpoint.checkpoint.size else { throw .proofMismatch }
        do {
            try proof.verify(leafHash: statement.leafHash, root: checkpoint.checkpoint.root)
        } catch {
            throw .badProof(error)
        }
    }
}

/// Why a receipt does not check out.
public enum ReceiptError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongStatement
    case badCheckpoint(CheckpointError)
    case proofMismatch
    case badProof(MerkleError)
    case inconsistentCheckpoints(MerkleError)

    /// A stable identifier of the failure.
    public var code: String {
        switch self {
        case .wrongStatement: return "wrong_statement"
        case .badCheckpoint: return "bad_checkpoint"
        case .proofMismatch: return "proof_mismatch"
        case .badProof: return "bad_inclusion_proof"
        case .inconsistentCheckpoints: return "inconsistent_checkpoints"
        }
    }

    public var description: String {
        switch self {
        case .wrongStatement: return "the receipt is for a different statement"
        case .badCheckpoint(let error): return "the receipt's checkpoint does not verify: \(error)"
        case .proofMismatch: return "the inclusion proof is not for the receipt's leaf and checkpoint size"
        case .badProof(let error): return "the inclusion proof does not lead to the checkpoint's root: \(error)"
        case .inconsistentCheckpoints(let error):
            return "the current checkpoint does not extend the receipt's checkpoint: \(error)"
        }
    }
}
