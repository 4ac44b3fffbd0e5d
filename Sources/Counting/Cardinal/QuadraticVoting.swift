/// Quadratic voting: each voter spends credits from a fixed budget on the options; spending `c`
/// credits on an option casts `floor(sqrt(c))` votes for it; the most votes wins.
///
/// Definition (Lalley & Weyl, "Quadratic Voting: How Mechanism Design Can Radicalize
/// Democracy", *AEA Papers and Proceedings* 108 (2018) 33-37; Posner & Weyl, *Radical Markets*
/// (2018), ch. 2): `v` votes cost `v^2` credits. A ballot here records the credits spent on each
/// option (a blank is 0); its votes for an option are the integer square root of those credits
/// (credits that buy no further whole vote are simply spent), computed exactly with integers.
/// The credits of a ballot may total at most ``creditBudget``; a ballot over it is invalid and the
/// whole count is refused with ``CountingError/invalidBallot(_:)`` naming the ballot.
/// Negative votes (credits spent *against* an option, `-c` casting `-floor(sqrt(c))` votes, the
/// budget counting `|c|`) are allowed only when ``allowsNegativeVotes`` is set; by default a
/// negative entry is an invalid ballot. An option's tally is the weighted sum of its ballots'
/// votes; the ranking orders options by tally, equal tallies tied; the winner is the top, a tie
/// settled by the ``TieBreakOrder`` and recorded. The trace shows credits and votes per option.
public struct QuadraticVoting: Sendable {
    public static let name = "quadratic"

    /// The credits each voter may spend in all.
    public var creditBudget: Int64
    /// Whether credits may be spent against an option (negative entries).
    public var allowsNegativeVotes: Bool

    public init(creditBudget: Int64 = 100, allowsNegativeVotes: Bool = false) {
        self.creditBudget = creditBudget
        self.allowsNegativeVotes = allowsNegativeVotes
    }

    /// The largest `r` with `r * r <= n`, exactly (bit by bit, no floating point).
    public static func integerSquareRoot(_ n: UInt64) -> UInt64 {
        var remainder = n
        var root: UInt64 = 0
        var bit: UInt64 = 1 << 62
        while bit > n { bit >>= 2 }
        while bit != 0 {
            if remainder >= root + bit {
                remainder -= root + bit
                root = (root >> 1) + bit
            } else {
                root >>= 1
            }
            bit >>= 2
        }
        return root
    }

    /// Counts `profile` (credits per option), settling a tie for first place with `tieBreak`.
    public func count(
        _ profile: RatingProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        let optionCount = profile.candidateCount
        try CardinalInput.check(names: names, tieBreak: tieBreak, candidateCount: optionCount)
        _ = try CardinalInput.totalWeight(profile.weights)
        guard creditBudget >= 0 else {
            throw .invalidParameter("the credit budget must be 0 or more, got \(creditBudget)")
        }
        // Square roots of every amount up to the budget (or 2^16), computed once, looked up per entry.
        let tableLimit = Int(min(creditBudget, 1 << 16))
        let roots = (0...tableLimit).map { Int64(QuadraticVoting.integerSquareRoot(UInt64($0))) }
        var votes = [Int64](repeating: 0, count: optionCount)
        var credits = [Int64](repeating: 0, count: optionCount)
        let ratings = profile.ratings
        let weights = profile.weights
        for ballot in 0..<profile.ballotCount {
            let weight = weights[ballot]
            let base = ballot * optionCount
            var spent: Int64 = 0
            for option in 0..<optionCount {
                let entry = ratings[base + option]
                if entry == RatingProfile.blank || entry == 0 { continue }
                if entry < 0 && !allowsNegativeVotes {
                    throw .invalidBallot(
                        "\(CardinalInput.name(profile, ballot: ballot)) spends \(entry) credits on option "
                            + "\(option + 1); negative votes are not allowed")
                }
                let magnitude = Int64(entry.magnitude)
                spent += magnitude
                let root =
                    magnitude <= tableLimit
                    ? roots[Int(magnitude)] : Int64(QuadraticVoting.integerSquareRoot(UInt64(magnitude)))
                votes[option] = try CardinalInput.add(votes[option], entry < 0 ? -root : root, times: weight)
                credits[option] = try CardinalInput.add(credits[option], Int64(entry), times: weight)
            }
            guard spent <= creditBudget else {
                throw .invalidBallot(
                    "\(CardinalInput.name(profile, ballot: ballot)) spends \(spent) credits, over the budget of "
                        + "\(creditBudget): \(CardinalInput.describe(profile, ballot: ballot))")
            }
        }
        let ranking = RankingByScore.groups(votes, higherIsBetter: true)
        var ties: [TieResolution] = []
        let winners = RankingByScore.winners(of: ranking, seats: 1, tieBreak: tieBreak, round: 1, ties: &ties)
        let round = TraceRound(
            number: 1, label: "votes (integer square root of credits, per ballot)",
            tallies: (0..<optionCount).map { CandidateTally(candidate: $0, votes: TraceNumber(votes[$0])) },
            events: winners.map { TraceEvent(.elected, $0, reason: "most votes") },
            details: [
                JSONMember("credits", .array(credits.map(JSONValue.integer))),
                JSONMember("votes", .array(votes.map(JSONValue.integer))),
            ])
        return Outcome(
            method: QuadraticVoting.name,
            parameters: [
                JSONMember("credit_budget", .integer(creditBudget)),
                JSONMember("allows_negative_votes", .bool(allowsNegativeVotes)),
                tieBreak.parameter,
            ],
            candidates: names, winners: winners, ranking: ranking, rounds: [round], ties: ties)
    }
}
