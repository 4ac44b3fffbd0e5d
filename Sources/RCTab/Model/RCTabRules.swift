/// Every rule option of an RCTab contest configuration's `rules` object, as typed values.
///
/// Defaults are RCTab's defaults for an option a configuration leaves out. The configuration
/// reader fills this in; ``RCTabTabulator`` validates the combination and throws
/// `RCTabError("unsupported_option", ...)` for any option it cannot honour.
public struct RCTabRules: Hashable, Sendable {
    /// `tiebreakMode`.
    public var tiebreakMode: RCTabTiebreakMode
    /// `overvoteRule`.
    public var overvoteRule: RCTabOvervoteRule
    /// `winnerElectionMode`.
    public var winnerElectionMode: RCTabWinnerElectionMode
    /// `randomSeed` (required by the `random`, `previousRoundCountsThenRandom` and
    /// `generatePermutation` tie-break modes).
    public var randomSeed: Int64?
    /// `numberOfWinners` (0 only with `bottomsUpUsingPercentageThreshold`).
    public var numberOfWinners: Int
    /// `multiSeatBottomsUpPercentageThreshold`, in percent (1 to 100).
    public var multiSeatBottomsUpPercentageThreshold: RCTabDecimal?
    /// `decimalPlacesForVoteArithmetic` (1 to 20; RCTab's default is 4).
    public var decimalPlacesForVoteArithmetic: Int
    /// `minimumVoteThreshold`: candidates with fewer first-round votes are eliminated together
    /// (0: no such elimination).
    public var minimumVoteThreshold: Int
    /// `maxSkippedRanksAllowed`: `nil` for `"unlimited"`.
    public var maxSkippedRanksAllowed: Int?
    /// `maxRankingsAllowed`: `nil` for `"max"` (the number of declared candidates).
    public var maxRankingsAllowed: Int?
    /// `nonIntegerWinningThreshold`: threshold `V/(S+1) + 10^-d` instead of `floor(V/(S+1)) + 1`.
    public var nonIntegerWinningThreshold: Bool
    /// `floorWinningThreshold` (newer RCTab; default true): with it false and an integer threshold,
    /// `V/(S+1) + 1` without the floor.
    public var floorWinningThreshold: Bool
    /// `doesFirstRoundDetermineThreshold`: the threshold is computed once, from round 1.
    public var doesFirstRoundDetermineThreshold: Bool
    /// `hareQuota`: divide by S instead of S + 1.
    public var hareQuota: Bool
    /// `batchElimination`: eliminate at once every candidate whose votes, with all fewer, cannot
    /// reach the next candidate.
    public var batchElimination: Bool
    /// `cutoffElimination` (bottoms-up with a percentage threshold): eliminate at once every
    /// candidate under the threshold.
    public var cutoffElimination: Bool
    /// `continueUntilTwoCandidatesRemain`: keep eliminating after the winner is known.
    public var continueUntilTwoCandidatesRemain: Bool
    /// `stopTabulationEarlyAfterRound`: no round after this one is counted (`nil`: no limit).
    public var stopTabulationEarlyAfterRound: Int?
    /// `exhaustOnDuplicateCandidate`: a ballot that ranks a candidate again becomes inactive
    /// (`repeatedRankings`) instead of skipping the repeat.
    public var exhaustOnDuplicateCandidate: Bool
    /// `rulesDescription`: free text, not used in counting.
    public var rulesDescription: String?

    public init(
        tiebreakMode: RCTabTiebreakMode = .useCandidateOrder,
        overvoteRule: RCTabOvervoteRule = .alwaysSkipToNextRank,
        winnerElectionMode: RCTabWinnerElectionMode = .singleWinnerMajority,
        randomSeed: Int64? = nil,
        numberOfWinners: Int = 1,
        multiSeatBottomsUpPercentageThreshold: RCTabDecimal? = nil,
        decimalPlacesForVoteArithmetic: Int = 4,
        minimumVoteThreshold: Int = 0,
        maxSkippedRanksAllowed: Int? = nil,
        maxRankingsAllowed: Int? = nil,
        nonIntegerWinningThreshold: Bool = false,
        floorWinningThreshold: Bool = true,
        doesFirstRoundDetermineThreshold: Bool = false,
        hareQuota: Bool = false,
        batchElimination: Bool = false,
        cutoffElimination: Bool = false,
        continueUntilTwoCandidatesRemain: Bool = false,
        stopTabulationEarlyAfterRound: Int? = nil,
        exhaustOnDuplicateCandidate: Bool = false,
        rulesDescription: String? = nil
    ) {
        self.tiebreakMode = tiebreakMode
        self.overvoteRule = overvoteRule
        self.winnerElectionMode = winnerElectionMode
        self.randomSeed = randomSeed
        self.numberOfWinners = numberOfWinners
        self.multiSeatBottomsUpPercentageThreshold = multiSeatBottomsUpPercentageThreshold
        self.decimalPlacesForVoteArithmetic = decimalPlacesForVoteArithmetic
        self.minimumVoteThreshold = minimumVoteThreshold
        self.maxSkippedRanksAllowed = maxSkippedRanksAllowed
        self.maxRankingsAllowed = maxRankingsAllowed
        self.nonIntegerWinningThreshold = nonIntegerWinningThreshold
        self.floorWinningThreshold = floorWinningThreshold
        self.doesFirstRoundDetermineThreshold = doesFirstRoundDetermineThreshold
        self.hareQuota = hareQuota
        self.batchElimination = batchElimination
        self.cutoffElimination = cutoffElimination
        self.continueUntilTwoCandidatesRemain = continueUntilTwoCandidatesRemain
        self.stopTabulationEarlyAfterRound = stopTabulationEarlyAfterRound
        self.exhaustOnDuplicateCandidate = exhaustOnDuplicateCandidate
        self.rulesDescription = rulesDescription
    }
}
