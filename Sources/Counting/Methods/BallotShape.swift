/// The shape of ballots: what a voter fills in, and what a method counts.
public enum BallotShape: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Rankings, possibly with equal ranks and unranked candidates (``RankedProfile``).
    case ranked
    /// Sets of approved candidates (``ApprovalProfile``).
    case approval
    /// A number per candidate (``RatingProfile``).
    case rating

    public var description: String { rawValue }
}

extension Ballots {
    /// The shape of these ballots.
    public var shape: BallotShape {
        switch self {
        case .ranked: return .ranked
        case .approval: return .approval
        case .ratings: return .rating
        }
    }
}
