/// Copeland's method: a candidate scores one for each opponent it beats pairwise and loses one
/// for each opponent that beats it; the highest score wins.
///
/// Definition: from the ``PairwiseMatrix``, candidate `a`'s score is
/// `#{b : a beats b} − #{b : b beats a}` (a pairwise tie counts neither way). This orders the
/// candidates exactly as the classic Copeland score "wins + ½ ties" does, since
/// `wins + ½ ties = ½ (k − 1 + wins − losses)` with `k` candidates. The ranking orders
/// candidates by score, equal scores tied; the winner is the top of the ranking, a tie for it
/// settled by the ``TieBreakOrder`` (recorded in ``Outcome/ties``).
/// Blank and partial ballots: a ballot counts only in the contests between candidates it ranks
/// (see ``PairwiseMatrix``); a blank ballot counts in none.
/// References: A. H. Copeland, "A 'reasonable' social welfare function", Seminar on
/// Mathematics in Social Sciences, University of Michigan (1951); F. Brandt, M. Brill and
/// P. Harrenstein, "Tournament solutions", ch. 3 of *Handbook of Computational Social Choice*
/// (2016).
public struct Copeland: Sendable {
    public static let name = "copeland"

    public init() {}

    /// Counts `profile`, settling a tie for first place with `tieBreak`.
    public func count(
        _ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: profile.candidateCount, names: names, method: Copeland.name)
        return try count(PairwiseMatrix(profile), names: names, tieBreak: tieBreak)
    }

    /// Counts from a pairwise table already made.
    public func count(
        _ matrix: PairwiseMatrix, names: [String], tieBreak: TieBreakOrder
    ) throws(CountingError)
        -> Outcome
    {
        try tieBreak.check(candidateCount: matrix.candidateCount, names: names, method: Copeland.name)
        let candidateCount = matrix.candidateCount
        var wins = [Int64](repeating: 0, count: candidateCount)
        var losses = [Int64](repeating: 0, count: candidateCount)
        for a in 0..<candidateCount {
            for b in 0..<candidateCount where a != b {
                if matrix.beats(a, b) {
                    wins[a] += 1
                } else if matrix.beats(b, a) {
                    losses[a] += 1
                }
            }
        }
        let scores = (0..<candidateCount).map { wins[$0] - losses[$0] }
        let ranking = RankingByScore.groups(scores, higherIsBetter: true)
        var ties: [TieResolution] = []
        let winner = RankingByScore.winner(of: ranking, tieBreak: tieBreak, round: 1, ties: &ties)
        let draws = (0..<candidateCount).map { Int64(max(candidateCount - 1, 0)) - wins[$0] - losses[$0] }
        let round = TraceRound(
            number: 1, label: "pairwise wins minus pairwise defeats",
            tallies: (0..<candidateCount).map { CandidateTally(candidate: $0, votes: TraceNumber(scores[$0])) },
            events: winner.map { [TraceEvent(.elected, $0, reason: "highest Copeland score")] } ?? [],
            details: [
                matrix.detail,
                JSONMember("wins", .array(wins.map(JSONValue.integer))),
                JSONMember("draws", .array(draws.map(JSONValue.integer))),
                JSONMember("losses", .array(losses.map(JSONValue.integer))),
            ])
        return Outcome(
            method: Copeland.name, parameters: [tieBreak.parameter], candidates: names,
            winners: winner.map { [$0] } ?? [], ranking: ranking, rounds: [round], ties: ties)
    }
}
