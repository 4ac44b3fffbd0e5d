/// The votes of inactive ballots after a round, by reason, as RCTab's summary `inactiveBallots`.
///
/// Each is cumulative (every ballot inactive so far) and is a vote total: a ballot inactive after
/// part of it was transferred as surplus counts with its remaining fractional value.
public struct RCTabInactiveBallots: Hashable, Sendable {
    /// `overvotes`: inactive at an overvoted rank.
    public var overvotes: RCTabDecimal
    /// `skippedRankings`: inactive after more consecutive skipped ranks than allowed.
    public var skippedRankings: RCTabDecimal
    /// `repeatedRankings`: inactive at a repeated candidate (`exhaustOnDuplicateCandidate`).
    public var repeatedRankings: RCTabDecimal
    /// `exhaustedChoices`: no continuing candidate ranked (including hitting `maxRankingsAllowed`).
    public var exhaustedChoices: RCTabDecimal
    /// `finalRoundSurplus`: in a multi-seat count's last round, the winners' votes beyond the
    /// threshold (`nil` when RCTab reports none).
    public var finalRoundSurplus: RCTabDecimal?

    public init(
        overvotes: RCTabDecimal = .zero, skippedRankings: RCTabDecimal = .zero,
        repeatedRankings: RCTabDecimal = .zero, exhaustedChoices: RCTabDecimal = .zero,
        finalRoundSurplus: RCTabDecimal? = nil
    ) {
        self.overvotes = overvotes
        self.skippedRankings = skippedRankings
        self.repeatedRankings = repeatedRankings
        self.exhaustedChoices = exhaustedChoices
        self.finalRoundSurplus = finalRoundSurplus
    }
}
