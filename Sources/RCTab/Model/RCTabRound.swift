/// One round of an RCTab count, as an entry of the summary's `results`.
public struct RCTabRound: Hashable, Sendable {
    /// The round number, from 1.
    public var round: Int
    /// The votes of every candidate still in the count this round (continuing, or elected this or
    /// an earlier round with the votes they keep), by name.
    public var tally: [String: RCTabDecimal]
    /// The candidates elected or eliminated in this round, in the order RCTab lists them.
    public var tallyResults: [RCTabTallyResult]
    /// Inactive ballots after this round's tally, by reason.
    public var inactiveBallots: RCTabInactiveBallots
    /// The winning threshold in this round.
    public var threshold: RCTabDecimal

    public init(
        round: Int, tally: [String: RCTabDecimal], tallyResults: [RCTabTallyResult],
        inactiveBallots: RCTabInactiveBallots, threshold: RCTabDecimal
    ) {
        self.round = round
        self.tally = tally
        self.tallyResults = tallyResults
        self.inactiveBallots = inactiveBallots
        self.threshold = threshold
    }
}
