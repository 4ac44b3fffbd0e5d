/// How RCTab elects: the values of `rules.winnerElectionMode`.
public enum RCTabWinnerElectionMode: String, CaseIterable, Sendable {
    /// One seat, elected by a majority of the continuing votes.
    case singleWinnerMajority
    /// Several seats; fractional surplus transfer; at most one candidate elected per round.
    case multiWinnerAllowOnlyOneWinnerPerRound
    /// Several seats; fractional surplus transfer; every candidate over the threshold is elected.
    case multiWinnerAllowMultipleWinnersPerRound
    /// Eliminate from the bottom until `numberOfWinners` candidates remain; they all win.
    case bottomsUp
    /// Eliminate from the bottom until every continuing candidate holds at least
    /// `multiSeatBottomsUpPercentageThreshold` percent of the continuing votes; they all win.
    case bottomsUpUsingPercentageThreshold
    /// Sequential single-seat counts: each pass elects one and excludes the winners of earlier passes.
    case multiPassIrv

    /// Whether this mode fills several seats by surplus transfer (the two multi-winner modes).
    public var isSurplusTransferMultiSeat: Bool {
        self == .multiWinnerAllowOnlyOneWinnerPerRound || self == .multiWinnerAllowMultipleWinnersPerRound
    }
}
