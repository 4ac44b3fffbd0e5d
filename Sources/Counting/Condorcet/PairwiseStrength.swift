/// How strong a pairwise victory is, for the Condorcet methods that weigh victories (Minimax,
/// Schulze).
public enum PairwiseStrength: String, Sendable, Hashable, CaseIterable {
    /// The winner's votes minus the loser's: `votes(a, over: b) − votes(b, over: a)`.
    case margin
    /// The winner's votes alone: `votes(a, over: b)`.
    case winningVotes = "winning-votes"

    /// The strength of `a`'s victory over `b` (meaningful when `a` beats `b`).
    @inlinable
    public func of(_ a: Int, over b: Int, in matrix: PairwiseMatrix) -> Int64 {
        switch self {
        case .margin: return matrix.margin(a, over: b)
        case .winningVotes: return matrix.votes(a, over: b)
        }
    }

    /// The strength as a parameter of an outcome.
    public var parameter: JSONMember { JSONMember("strength", .string(rawValue)) }
}
