/// Cumulative voting and dot voting: each voter distributes up to a fixed number of points
/// (dots) across the options, several on one option if they wish; the most points wins.
///
/// Definition: a ballot records the points given to each option (a blank is 0; negative points
/// are invalid). Its points may total at most ``points``, and, when ``maximumPerOption`` is set
/// (the dot-voting variant that caps the dots one option may receive from one voter), each entry
/// at most that; a ballot breaking either limit is invalid and the count is refused with
/// ``CountingError/invalidBallot(_:)`` naming the ballot. A ballot may leave points unspent.
/// An option's tally is the weighted sum of its points; the ranking orders options by tally,
/// equal tallies tied; the winners are the top ``seats`` options, a tie across the last seat
/// settled by the ``TieBreakOrder`` and recorded.
/// References: Glasser, "Game Theory and Cumulative Voting for Corporate Directors", *Management
/// Science* 5 (1959) 151-156; Bowler, Donovan & Brockington, *Electoral Reform and Minority
/// Representation: Local Experiments with Alternative Elections* (2003), on cumulative voting in
/// US local elections; dot voting as used in facilitation (Kaner et al., *Facilitator's Guide to
/// Participatory Decision-Making*, 3rd ed. 2014).
public struct CumulativeVoting: Sendable {
    public static let name = "cumulative"

    /// The points each voter may distribute in all.
    public var points: Int64
    /// The most points one voter may give one option; nil for no cap (cumulative voting).
    public var maximumPerOption: Int64?
    /// How many options are elected.
    public var seats: Int

    public init(points: Int64 = 5, maximumPerOption: Int64? = nil, seats: Int = 1) {
        self.points = points
        self.maximumPerOption = maximumPerOption
        self.seats = seats
    }

    /// Counts `profile` (points per option), settling a tie across the last seat with `tieBreak`.
    public func count(
        _ profile: RatingProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let optionCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: optionCount)
        _ = try CardinalInput.totalWeight(profile.weights)
        try CardinalInput.check(seats: seats, candidateCount: optionCount)
        guard points >= 1 else { throw .invalidParameter("each voter must have at least 1 point, got \(points)") }
        if let maximumPerOption, maximumPerOption < 1 {
            throw .invalidParameter("the cap per option must be at least 1 point, got \(maximumPerOption)")
        }
        let cap = maximumPerOption ?? Int64.max
        var totals = [Int64](repeating: 0, count: optionCount)
        let ratings = profile.ratings
        let weights = profile.weights
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let base = ballot * optionCount
            var given: Int64 = 0
            for option in 0..<optionCount {
                let entry = ratings[base + option]
                if entry == RatingProfile.blank || entry == 0 { continue }
                guard entry > 0 && Int64(entry) <= cap else {
                    throw .invalidBallot(
                        "\(CardinalInput.name(profile, ballot: ballot)) gives option \(option + 1) \(entry) points; "
                            + (entry < 0 ? "points cannot be negative" : "the cap per option is \(cap)"))
                }
                given += Int64(entry)
                totals[option] = try CardinalInput.add(totals[option], Int64(entry), times: weight)
            }
            guard given <= points else {
                throw .invalidBallot(
                    "\(CardinalInput.name(profile, ballot: ballot)) gives \(given) points, over the \(points) "
                        + "each voter has: \(CardinalInput.describe(profile, ballot: ballot))")
            }
        }
        let ranking = RankingByScore.groups(totals, higherIsBetter: true)
        var ties: [TieResolution] = []
        let winners = RankingByScore.winners(of: ranking, seats: seats, tieBreak: tieBreak, round: 1, ties: &ties)
        let reason = seats == 1 ? "most points" : "among the \(seats) with the most points"
        let round = TraceRound(
            number: 1, label: "points",
            tallies: (0..<optionCount).map { CandidateTally(candidate: $0, votes: TraceNumber(totals[$0])) },
            events: winners.map { TraceEvent(.elected, $0, reason: reason) })
        return Outcome(
            method: CumulativeVoting.name,
            parameters: [
                JSONMember("points", .integer(points)),
                JSONMember("maximum_per_option", maximumPerOption.map(JSONValue.integer) ?? .null),
                JSONMember("seats", .integer(Int64(seats))),
                tieBreak.parameter,
            ],
            candidates: names, winners: winners, ranking: ranking, rounds: [round], ties: ties)
    }
}
