import BigInt

/// Score voting (range voting): each voter gives each candidate a whole-number score on a fixed
/// scale; the highest total wins.
///
/// Definition: scores lie in ``minimumScore``...``maximumScore`` (any integer scale, negative
/// ends allowed). With the default ``BlankRule/minimum``, a candidate left blank receives the
/// minimum score, so every ballot scores every candidate and the candidate with the highest
/// **total** wins (equivalently the highest average, since all averages share the divisor).
/// With ``BlankRule/excluded``, a blank is no opinion: a candidate's tally is the exact
/// **average** of the scores it did receive (a fraction), and a candidate nobody scored ranks
/// last. The ranking orders candidates by tally, equal tallies tied; the winners are the top
/// ``seats`` (block score voting when `seats > 1`), a tie across the last seat settled by the
/// ``TieBreakOrder`` and recorded. A ballot outside the scale is rejected.
/// References: Smith, "Range Voting" (2000), rangevoting.org; Laslier & Sanver (eds.), *Handbook
/// on Approval Voting* (2010), ch. on evaluative voting; the "blank counts as the minimum"
/// convention is the one STAR voting's rules also use.
public struct ScoreVoting: Sendable {
    public static let name = "score"

    /// What a candidate left blank counts as.
    public enum BlankRule: String, Sendable, Hashable {
        /// The minimum score (the default, and the usual rule on paper ballots).
        case minimum
        /// No score at all: averages are taken over the ballots that did score the candidate.
        case excluded
    }

    public var minimumScore: Int32
    public var maximumScore: Int32
    public var blank: BlankRule
    /// How many candidates are elected (1 for the single-winner method).
    public var seats: Int

    public init(minimumScore: Int32 = 0, maximumScore: Int32 = 5, blank: BlankRule = .minimum, seats: Int = 1) {
        self.minimumScore = minimumScore
        self.maximumScore = maximumScore
        self.blank = blank
        self.seats = seats
    }

    /// Counts `profile`, settling a tie across the last seat with `tieBreak`.
    public func count(
        _ profile: RatingProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let candidateCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: candidateCount)
        _ = try CardinalInput.totalWeight(profile.weights)
        try CardinalInput.check(seats: seats, candidateCount: candidateCount)
        guard minimumScore < maximumScore, minimumScore != RatingProfile.blank else {
            throw .invalidParameter("the score scale \(minimumScore)...\(maximumScore) must have at least two values")
        }
        var totals = [Int64](repeating: 0, count: candidateCount)
        var scored = [Int64](repeating: 0, count: candidateCount)
        let ratings = profile.ratings
        let weights = profile.weights
        let treatBlankAsMinimum = blank == .minimum
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let base = ballot * candidateCount
            for candidate in 0..<candidateCount {
                var score = ratings[base + candidate]
                if score == RatingProfile.blank {
                    guard treatBlankAsMinimum else { continue }
                    score = minimumScore
                } else if score < minimumScore || score > maximumScore {
                    throw .invalidBallot(
                        "\(CardinalInput.name(profile, ballot: ballot)) gives candidate \(candidate + 1) the score "
                            + "\(score), outside \(minimumScore)...\(maximumScore)")
                }
                totals[candidate] = try CardinalInput.add(totals[candidate], Int64(score), times: weight)
                scored[candidate] += weight
            }
        }
        let ranking: [[Int]]
        let tallies: [CandidateTally]
        var details: [JSONMember] = []
        switch blank {
        case .minimum:
            ranking = RankingByScore.groups(totals, higherIsBetter: true)
            tallies = (0..<candidateCount).map { CandidateTally(candidate: $0, votes: TraceNumber(totals[$0])) }
        case .excluded:
            // A candidate nobody scored has no average: it ranks below every average.
            let averages: [Rational?] = (0..<candidateCount).map { candidate in
                scored[candidate] == 0 ? nil : Rational(BigInt(totals[candidate]), BigInt(scored[candidate]))
            }
            ranking = RankingByScore.groups(averages.map(AverageKey.init), higherIsBetter: true)
            // Only candidates someone scored have an average to show.
            tallies = (0..<candidateCount).compactMap { candidate in
                averages[candidate].map { CandidateTally(candidate: candidate, votes: TraceNumber($0)) }
            }
            details = [
                JSONMember("totals", .array(totals.map { .integer($0) })),
                JSONMember("scored_by", .array(scored.map { .integer($0) })),
            ]
        }
        var ties: [TieResolution] = []
        let winners = RankingByScore.winners(of: ranking, seats: seats, tieBreak: tieBreak, round: 1, ties: &ties)
        let measure = blank == .minimum ? "total" : "average"
        let reason = seats == 1 ? "highest \(measure) score" : "among the \(seats) highest \(measure) scores"
        let round = TraceRound(
            number: 1, label: blank == .minimum ? "total scores" : "average scores",
            tallies: tallies,
            events: winners.map { TraceEvent(.elected, $0, reason: reason) }, details: details)
        return Outcome(
            method: ScoreVoting.name,
            parameters: [
                JSONMember("minimum_score", .integer(Int64(minimumScore))),
                JSONMember("maximum_score", .integer(Int64(maximumScore))),
                JSONMember("blank", .string(blank.rawValue)),
                JSONMember("seats", .integer(Int64(seats))),
                tieBreak.parameter,
            ],
            candidates: names, winners: winners, ranking: ranking, rounds: [round], ties: ties)
    }
}

/// An average that may be missing, ordered with "missing" below every value.
private struct AverageKey: Comparable {
    let value: Rational?

    static func < (lhs: AverageKey, rhs: AverageKey) -> Bool {
        switch (lhs.value, rhs.value) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?): return left < right
        }
    }
}
