/// The outcome of one RCTab tabulation: what one summary JSON file reports.
///
/// A `multiPassIrv` contest runs one tabulation per seat; ``RCTabTabulator`` returns one result
/// per pass (RCTab writes them as `..._1`, `..._2`, ... summaries), each with `pass` set.
public struct RCTabResult: Hashable, Sendable {
    /// Every round, round 1 first.
    public var rounds: [RCTabRound]
    /// The winners in the order elected.
    public var winners: [String]
    /// The summary's `numCandidates`: declared candidates (excluded ones too) plus the undeclared
    /// write-in pseudo-candidate when the contest has one.
    public var numCandidates: Int
    /// The summary's `numWinners`: the configured number of winners (1 for a pass of a
    /// `multiPassIrv` contest; 0 for `bottomsUpUsingPercentageThreshold`).
    public var numWinners: Int
    /// The summary's `totalNumBallots`: every cast-vote record read.
    public var totalNumBallots: RCTabDecimal
    /// The summary's `undervotes`: records with no mark at any rank.
    public var undervotes: Int
    /// The summary's `finalThreshold`: the threshold of the last round.
    public var finalThreshold: RCTabDecimal
    /// The pass number (from 1) of a `multiPassIrv` contest; `nil` otherwise.
    public var pass: Int?

    public init(
        rounds: [RCTabRound], winners: [String], numCandidates: Int, numWinners: Int,
        totalNumBallots: RCTabDecimal, undervotes: Int, finalThreshold: RCTabDecimal, pass: Int? = nil
    ) {
        self.rounds = rounds
        self.winners = winners
        self.numCandidates = numCandidates
        self.numWinners = numWinners
        self.totalNumBallots = totalNumBallots
        self.undervotes = undervotes
        self.finalThreshold = finalThreshold
        self.pass = pass
    }
}
