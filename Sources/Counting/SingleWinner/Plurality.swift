/// Plurality (first past the post): each ballot counts for its first preference; the most votes
/// wins.
///
/// Definition: a ranked ballot's first preference is the candidate at its top rank position. A
/// ballot whose top position holds several tied candidates splits its weight equally among
/// them (so every voter's weight sums to one); a ballot ranking no one counts for no one.
/// Tallies are exact fractions. The ranking orders candidates by tally, equal tallies tied; the
/// winner is the top of the ranking, a tie for it settled by the ``TieBreakOrder``.
/// Reference: Cox, *Making Votes Count* (1997), ch. 4; any electoral-systems text.
public struct Plurality: Sendable {
    public static let name = "plurality"

    public init() {}

    /// Counts `profile`, settling a tie for first place with `tieBreak`.
    public func count(_ profile: RankedProfile, names: [String], tieBreak: TieBreakOrder) -> Outcome {
        let candidateCount = profile.candidateCount
        // Whole votes (top position held by one candidate) in integers; split ballots as fractions.
        var whole = [Int64](repeating: 0, count: candidateCount)
        var split = [Rational](repeating: .zero, count: candidateCount)
        var blank: Int64 = 0
        for ballot in 0..<profile.ballotCount {
            let range = profile.range(of: ballot)
            guard !range.isEmpty else {
                blank += profile.weights[ballot]
                continue
            }
            var topCount = 0
            for entry in range where profile.ranks[entry] == profile.ranks[range.lowerBound] { topCount += 1 }
            if topCount == 1 {
                whole[Int(profile.candidates[range.lowerBound])] += profile.weights[ballot]
            } else {
                let share = Rational(.init(profile.weights[ballot]), .init(topCount))
                for entry in range.lowerBound..<(range.lowerBound + topCount) {
                    split[Int(profile.candidates[entry])] += share
                }
            }
        }
        let tallies = (0..<candidateCount).map { split[$0] + Rational(.init(whole[$0])) }
        let ranking = RankingByScore.groups(tallies, higherIsBetter: true)
        var ties: [TieResolution] = []
        let winner = RankingByScore.winner(of: ranking, tieBreak: tieBreak, round: 1, ties: &ties)
        let round = TraceRound(
            number: 1, label: "first preferences",
            tallies: (0..<candidateCount).map { CandidateTally(candidate: $0, votes: TraceNumber(tallies[$0])) },
            exhausted: TraceNumber(blank),
            events: winner.map { [TraceEvent(.elected, $0, reason: "most first preferences")] } ?? [])
        return Outcome(
            method: Plurality.name, parameters: [tieBreak.parameter], candidates: names,
            winners: winner.map { [$0] } ?? [], ranking: ranking, rounds: [round], ties: ties)
    }
}
