/// The ballots of an election in whichever shape they were cast.
public enum Ballots: Sendable, Equatable {
    /// Rankings (possibly with ties and unranked candidates).
    case ranked(RankedProfile)
    /// Sets of approved candidates.
    case approval(ApprovalProfile)
    /// A number per candidate (scores, grades, points, credits, consent stances).
    case ratings(RatingProfile)

    /// The shape's name, for messages.
    public var shapeName: String {
        switch self {
        case .ranked: return "ranked"
        case .approval: return "approval"
        case .ratings: return "rating"
        }
    }
}
