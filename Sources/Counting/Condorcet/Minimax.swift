/// Minimax (Simpson–Kramer): the winner is the candidate whose worst pairwise defeat is the
/// least bad.
///
/// Definition: from the ``PairwiseMatrix``, each candidate `c` gets the score
/// - with ``PairwiseStrength/margin``: `max over b ≠ c of (votes(b, over: c) − votes(c, over: b))`,
///   which is negative when `c` beats everyone;
/// - with ``PairwiseStrength/winningVotes``: `max of votes(b, over: c)` over the `b` that beat
///   `c`, and 0 when no one beats `c`.
///
/// The lowest score is best. With complete strict ballots the two variants rank alike; with
/// truncated or tied ballots they can differ (see the tests). The ranking orders candidates by
/// score, equal scores tied; the winner is the top of the ranking, a tie for it settled by the
/// ``TieBreakOrder`` (recorded in ``Outcome/ties``). A single candidate scores 0.
/// Blank and partial ballots: a ballot counts only in the contests between candidates it ranks
/// (see ``PairwiseMatrix``).
/// References: P. B. Simpson, "On defining areas of voter choice", *Quarterly Journal of
/// Economics* 83 (1969) 478–490; G. H. Kramer, "A dynamical model of political equilibrium",
/// *Journal of Economic Theory* 16 (1977) 310–334; the variants as named in Wikipedia,
/// "Minimax Condorcet method".
public struct Minimax: Sendable {
    public static let name = "minimax"

    /// How a defeat is measured (default: winning votes, the most used variant).
    public var strength: PairwiseStrength

    public init(strength: PairwiseStrength = .winningVotes) {
        self.strength = strength
    }

    /// Counts `profile`, settling a tie for first place with `tieBreak`.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: profile.candidateCount, names: names, method: Minimax.name)
        return try count(PairwiseMatrix(profile), names: names, tieBreak: tieBreak)
    }

    /// Counts from a pairwise table already made.
    public func count(
        _ matrix: PairwiseMatrix, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: matrix.candidateCount, names: names, method: Minimax.name)
        let candidateCount = matrix.candidateCount
        let scores = (0..<candidateCount).map { worstDefeat(of: $0, in: matrix) }
        let ranking = RankingByScore.groups(scores, higherIsBetter: false)
        var ties: [TieResolution] = []
        let winner = RankingByScore.winner(of: ranking, tieBreak: tieBreak, round: 1, ties: &ties)
        let round = TraceRound(
            number: 1, label: "worst pairwise defeat (\(strength.rawValue)), lowest is best",
            tallies: (0..<candidateCount).map { CandidateTally(candidate: $0, votes: TraceNumber(scores[$0])) },
            events: winner.map { [TraceEvent(.elected, $0, reason: "least severe worst defeat")] } ?? [],
            details: [matrix.detail])
        return Outcome(
            method: Minimax.name, parameters: [strength.parameter, tieBreak.parameter], candidates: names,
            winners: winner.map { [$0] } ?? [], ranking: ranking, rounds: [round], ties: ties)
    }

    /// Candidate `c`'s score: the strength of its worst defeat, as defined above.
    public func worstDefeat(of c: Int, in matrix: PairwiseMatrix) -> Int64 {
        switch strength {
        case .margin:
            var worst: Int64? = nil
            for b in 0..<matrix.candidateCount where b != c {
                let margin = matrix.margin(b, over: c)
                if worst == nil || margin > worst! { worst = margin }
            }
            return worst ?? 0
        case .winningVotes:
            var worst: Int64 = 0
            for b in 0..<matrix.candidateCount where b != c && matrix.beats(b, c) {
                worst = max(worst, matrix.votes(b, over: c))
            }
            return worst
        }
    }
}
