/// Why a Merkle proof was refused, one case per precondition or check of RFC 9162
/// sections 2.1.3.2 and 2.1.4.2, each with a stable ``code``.
public enum MerkleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The leaf index is not below the tree size.
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// The first tree is larger than the second.
    case sizesOutOfOrder(first: UInt64, second: UInt64)
    /// The proof has the wrong number of hashes for its sizes.
    case wrongProofLength(expected: Int, actual: Int)
    /// A proof that should be empty (equal sizes, or from the empty tree) is not.
    case proofNotEmpty
    /// The root computed from the proof differs from the root given.
    case rootMismatch
    /// For equal sizes, the two roots differ.
    case rootsDiffer
    /// The range is not a subtree (`start` must be a multiple of the smallest power of two not
    /// below `end - start`, and `start <= end`).
    case notASubtree(start: UInt64, end: UInt64)
    /// The leaf index is not in the subtree `[start, end)`.
    case indexOutsideSubtree(index: UInt64, start: UInt64, end: UInt64)
    /// A size was asked of a tree that does not have that many leaves.
    case sizeBeyondTree(requested: UInt64, size: UInt64)

    /// A stable, machine-readable identifier of the failure.
    public var code: String {
        switch self {
        case .indexOutOfRange: return "index_out_of_range"
        case .sizesOutOfOrder: return "sizes_out_of_order"
        case .wrongProofLength: return "wrong_proof_length"
        case .proofNotEmpty: return "proof_not_empty"
        case .rootMismatch: return "root_mismatch"
        case .rootsDiffer: return "roots_differ"
        case .notASubtree: return "not_a_subtree"
        case .indexOutsideSubtree: return "index_outside_subtree"
        case .sizeBeyondTree: return "size_beyond_tree"
        }
    }

    public var description: String {
        switch self {
        case .indexOutOfRange(let index, let size): return "leaf index \(index) is not below tree size \(size)"
        case .sizesOutOfOrder(let first, let second):
            return "the first tree size \(first) is larger than the second \(second)"
        case .wrongProofLength(let expected, let actual):
            return "the proof has \(actual) hashes where \(expected) are needed"
        case .proofNotEmpty: return "the proof must be empty for these sizes"
        case .rootMismatch: return "the proof does not lead to the given root"
        case .rootsDiffer: return "two trees of the same size have different roots"
        case .notASubtree(let start, let end): return "[\(start), \(end)) is not a subtree"
        case .indexOutsideSubtree(let index, let start, let end):
            return "leaf index \(index) is not in the subtree [\(start), \(end))"
        case .sizeBeyondTree(let requested, let size): return "size \(requested) is beyond the tree's \(size) leaves"
        }
    }
}
