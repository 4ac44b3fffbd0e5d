/// Approval voting: each voter approves any number of candidates; the candidate approved by the
/// most voters wins.
///
/// Definition: a candidate's tally is the number (summed weight) of ballots that approve it. The
/// ranking orders candidates by tally, equal tallies tied (not broken). The winners are the top
/// ``seats`` candidates of the ranking ("block approval" when `seats > 1`: simply the most
/// approved, with no proportionality); a tie across the last seat is settled by the
/// ``TieBreakOrder`` and recorded. A ballot approving no one counts for no one (it is reported as
/// `exhausted`, so turnout stays visible); approving every candidate changes no comparison.
/// References: Brams & Fishburn, "Approval Voting", *American Political Science Review* 72 (1978)
/// 831-847; Brams & Fishburn, *Approval Voting* (1983; 2nd ed. 2007).
public struct ApprovalVoting: Sendable {
    public static let name = "approval"

    /// How many candidates are elected (1 for the single-winner method).
    public var seats: Int

    public init(seats: Int = 1) {
        self.seats = seats
    }

    /// Counts `profile`, settling a tie across the last seat with `tieBreak`.
    public func count(
        _ profile: ApprovalProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let candidateCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: candidateCount)
        _ = try CardinalInput.totalWeight(profile.weights)
        try CardinalInput.check(seats: seats, candidateCount: candidateCount)
        var approvals = [Int64](repeating: 0, count: candidateCount)
        var approvedNoOne: Int64 = 0
        let candidates = profile.candidates
        let offsets = profile.offsets
        let weights = profile.weights
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let start = offsets[ballot]
            let end = offsets[ballot + 1]
            if start == end { approvedNoOne += weight }
            for entry in start..<end { approvals[Int(candidates[entry])] += weight }
        }
        let ranking = RankingByScore.groups(approvals, higherIsBetter: true)
        var ties: [TieResolution] = []
        let winners = RankingByScore.winners(of: ranking, seats: seats, tieBreak: tieBreak, round: 1, ties: &ties)
        let reason = seats == 1 ? "most approvals" : "among the \(seats) most approved"
        let round = TraceRound(
            number: 1, label: "approvals",
            tallies: (0..<candidateCount).map { CandidateTally(candidate: $0, votes: TraceNumber(approvals[$0])) },
            exhausted: TraceNumber(approvedNoOne),
            events: winners.map { TraceEvent(.elected, $0, reason: reason) })
        return Outcome(
            method: ApprovalVoting.name,
            parameters: [JSONMember("seats", .integer(Int64(seats))), tieBreak.parameter],
            candidates: names, winners: winners, ranking: ranking, rounds: [round], ties: ties)
    }
}
