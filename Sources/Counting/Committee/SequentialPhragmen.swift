/// Phragmén's sequential method (seq-Phragmén), the load-balancing version: seats are filled one
/// at a time, each by the candidate whose election keeps the largest voter load smallest.
///
/// Definition: every voter starts with load 0. Electing `c` spreads one unit of load over its
/// approvers so that they all end with the same load
/// `s(c) = (1 + sum over approvers v of w(v) * load(v)) / (summed weight of c's approvers)`;
/// the candidate with the smallest `s(c)` is elected and its approvers' loads become `s(c)`
/// (Phragmén 1894; Brill, Freeman, Janson & Lackner, "Phragmén's voting methods and justified
/// representation", AAAI 2017; Lackner & Skowron 2023, ch. 2, Example 2.9). Loads are exact
/// fractions. This is abcvoting's `seqphragmen`.
///
/// Ties: among candidates with the same smallest `s(c)`, the one earliest in the
/// ``TieBreakOrder`` is elected (abcvoting: smallest index); recorded. Candidates no one approves
/// are elected only when every approved candidate is, in tie-break order. Blank ballots carry no
/// load and change nothing.
public struct SequentialPhragmen: Sendable {
    public static let name = "seq-phragmen"

    /// The committee size.
    public var seats: Int

    public init(seats: Int) {
        self.seats = seats
    }

    /// Counts `profile`, settling ties for a seat with `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try CommitteeInput.check(profile: profile, names: names, tieBreak: tieBreak, seats: seats)
        _ = try CommitteeInput.totalWeight(profile)
        let approvers = try ApproverLists(profile)
        var loads = PhragmenLoads(
            approvers: approvers, weights: profile.weights,
            classOf: [Int32](repeating: 0, count: profile.ballotCount), classLoad: [.zero])
        var winners: [Int] = []
        var rounds: [TraceRound] = []
        var ties: [TieResolution] = []
        loads.fill(
            seats: seats, winners: &winners, tieBreak: tieBreak, rounds: &rounds, ties: &ties,
            label: "maximal load if elected")
        return Outcome(
            method: Self.name, parameters: CommitteeInput.parameters(seats: seats, tieBreak: tieBreak),
            candidates: names, winners: winners, rounds: rounds, ties: ties)
    }
}
